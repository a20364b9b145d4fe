package io.jenkins.plugins.iacjobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.CredentialCache;
import io.jenkins.plugins.iacjobs.core.auth.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.auth.TokenSource;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorQuery;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.iacjobs.core.job.RemoteJobSystem;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import jenkins.model.Jenkins;
import okhttp3.OkHttpClient;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The Jenkins side of building core's Genesys client: one shared HTTP client that goes through
 * Jenkins' proxy configuration, one ObjectMapper, one token cache per credential.
 */
@Restricted(NoExternalUse.class)
final class GenesysAccess {

    private static final TokenSourceRegistry TOKENS = new TokenSourceRegistry();
    private static final CredentialCache<RemoteJobSystem> JOBS = new CredentialCache<>();
    private static volatile OkHttpClient base;
    private static volatile ObjectMapper json;

    private GenesysAccess() {
    }

    static @NonNull GenesysEndpoints endpoints(@NonNull Connection c) {
        return endpoints(c.getRegion(), c.getBaseUrl());
    }

    static @NonNull GenesysEndpoints endpoints(@CheckForNull String region, @CheckForNull String baseUrl) {
        return GenesysEndpoints.of(region, baseUrl);
    }

    /** A URL for credentials domain matching in forms, or null while the form is still incomplete. */
    static @CheckForNull String urlForForm(@CheckForNull String region, @CheckForNull String baseUrl) {
        try {
            return endpoints(Util.fixEmptyAndTrim(region), Util.fixEmptyAndTrim(baseUrl)).apiBase().toString();
        } catch (IacJobsException e) {
            return null;
        }
    }

    /**
     * The shared client with the proxy settings as they are now. okhttp clients built from one another share
     * their connection pool and dispatcher, so rebuilding per call to pick up proxy changes is cheap.
     */
    static @NonNull OkHttpClient http() {
        OkHttpClient b = base;
        if (b == null) {
            synchronized (GenesysAccess.class) {
                if (base == null) {
                    base = HttpClients.create(HttpSettings.defaults().withUserAgent(userAgent()));
                }
                b = base;
            }
        }
        return JenkinsOkHttpClient.newClientBuilder(b).build();
    }

    static @NonNull ObjectMapper json() {
        ObjectMapper m = json;
        if (m == null) {
            synchronized (GenesysAccess.class) {
                if (json == null) {
                    json = Json.newMapper();
                }
                m = json;
            }
        }
        return m;
    }

    static @NonNull GenesysClient client(@NonNull Connection c, @NonNull ResolvedCredentials credentials) {
        GenesysEndpoints endpoints = endpoints(c);
        OkHttpClient http = http();
        if (credentials instanceof ResolvedCredentials.Bearer b) {
            return GenesysClient.create(http, json(), TokenSource.fixed(b.token().getPlainText()), endpoints);
        }
        if (!(credentials instanceof ResolvedCredentials.OAuthClient o)) {
            throw new ValidationException("credentialsId", Messages.Credentials_notForSystem(credentials, "Genesys Cloud"));
        }
        return GenesysJobs.connect(http, json(), endpoints, new ClientCredentials(o.clientId(), o.clientSecret().getPlainText()),
                TOKENS, Clock.systemUTC());
    }

    /**
     * The system-neutral view the step runs against. One instance per connection and credential, so that the
     * watcher can poll all of their jobs with one history call and the submitter memory is shared.
     */
    static @NonNull RemoteJobSystem jobs(@NonNull Connection c, @NonNull ResolvedCredentials credentials) {
        String scope = c.getName() + "|" + endpoints(c).apiBase();
        String fingerprint = fingerprint(credentials);
        return JOBS.get(scope, fingerprint, () -> GenesysJobs.create(client(c, credentials), scope + "|" + fingerprint, Clock.systemUTC()));
    }

    /** Returns how many accelerators the first page lists; any failure is an {@link IacJobsException}. */
    static int testConnection(@NonNull Connection c, @NonNull ResolvedCredentials credentials) {
        var page = client(c, credentials).listAccelerators(AcceleratorQuery.all());
        return page.entities() == null ? 0 : page.entities().size();
    }

    /** The token caches of every system, one per credential. */
    static @NonNull TokenSourceRegistry tokens() {
        return TOKENS;
    }

    /** A digest, never the secret: a rotated secret gets a fresh client, and the key is safe to log. */
    static String fingerprint(ResolvedCredentials credentials) {
        String material;
        if (credentials instanceof ResolvedCredentials.OAuthClient o) {
            material = o.clientId() + ":" + o.clientSecret().getPlainText();
        } else if (credentials instanceof ResolvedCredentials.Bearer b) {
            material = b.token().getPlainText();
        } else {
            material = "certificate:" + System.identityHashCode(((ResolvedCredentials.Certificate) credentials).keyStore());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String userAgent() {
        String version = Jenkins.VERSION;
        var plugin = Jenkins.get().getPluginManager().getPlugin("iac-jobs");
        return "iac-jobs-jenkins/" + (plugin == null ? "dev" : plugin.getVersion()) + " Jenkins/" + version;
    }
}
