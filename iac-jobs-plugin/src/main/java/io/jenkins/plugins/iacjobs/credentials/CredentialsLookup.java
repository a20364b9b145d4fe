package io.jenkins.plugins.iacjobs.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

/**
 * Turns a credentials id into {@link ResolvedCredentials}. At build time the lookup is done as the build
 * ({@code findCredentialById}), with the remote URL as domain requirement, and the use is tracked.
 */
@Restricted(NoExternalUse.class)
public final class CredentialsLookup {

    /** Username/password (client id and secret), secret text (bearer token) or a certificate (AvePoint assertion). */
    public static final CredentialsMatcher SUPPORTED = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class),
            CredentialsMatchers.instanceOf(StandardCertificateCredentials.class));

    private CredentialsLookup() {
    }

    public static @NonNull List<DomainRequirement> domainRequirements(@CheckForNull String url) {
        return url == null ? List.of() : URIRequirementBuilder.fromUri(url).build();
    }

    /** As the build: what the user who triggered it may use in this job. Never as SYSTEM. */
    public static @NonNull ResolvedCredentials forRun(@NonNull Run<?, ?> run, @CheckForNull String credentialsId,
                                               @NonNull String url) throws AbortException {
        String id = requireId(credentialsId);
        StandardCredentials c = CredentialsProvider.findCredentialById(
                id, StandardCredentials.class, run, domainRequirements(url));
        if (c == null) {
            throw new AbortException(Messages.Credentials_notFound(id, url));
        }
        ResolvedCredentials resolved = resolve(id, c);
        CredentialsProvider.track(run, c);
        return resolved;
    }

    /** For form endpoints of a job: the credentials that job could use. */
    public static @NonNull ResolvedCredentials forItem(@NonNull Item item, @CheckForNull String credentialsId,
                                                @NonNull String url) throws AbortException {
        String id = requireId(credentialsId);
        Authentication auth = item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2;
        StandardCredentials c = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, item, auth, domainRequirements(url)),
                CredentialsMatchers.withId(id));
        if (c == null) {
            throw new AbortException(Messages.Credentials_notFound(id, url));
        }
        return resolve(id, c);
    }

    /** For the global configuration (administrators only): system-scoped and global credentials. */
    public static @NonNull ResolvedCredentials forSystem(@CheckForNull String credentialsId, @NonNull String url)
            throws AbortException {
        String id = requireId(credentialsId);
        StandardCredentials c = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, domainRequirements(url)),
                CredentialsMatchers.withId(id));
        if (c == null) {
            throw new AbortException(Messages.Credentials_notFound(id, url));
        }
        return resolve(id, c);
    }

    /** The one rule for which credentials a step uses: its own {@code credentialsId}, else the connection's. */
    public static @CheckForNull String chooseId(@CheckForNull String stepCredentialsId, @CheckForNull String connectionCredentialsId) {
        String id = Util.fixEmptyAndTrim(stepCredentialsId);
        return id != null ? id : Util.fixEmptyAndTrim(connectionCredentialsId);
    }

    private static String requireId(@CheckForNull String credentialsId) throws AbortException {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            throw new AbortException(Messages.Credentials_none());
        }
        return id;
    }

    private static ResolvedCredentials resolve(String id, StandardCredentials c) throws AbortException {
        if (c instanceof StandardUsernamePasswordCredentials up) {
            return new ResolvedCredentials.OAuthClient(up.getUsername(), up.getPassword());
        }
        if (c instanceof StringCredentials s) {
            return new ResolvedCredentials.Bearer(s.getSecret());
        }
        if (c instanceof StandardCertificateCredentials cert) {
            return new ResolvedCredentials.Certificate(cert.getKeyStore(), cert.getPassword());
        }
        throw new AbortException(Messages.Credentials_wrongType(id, c.getDescriptor().getDisplayName()));
    }
}
