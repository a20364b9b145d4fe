package io.jenkins.plugins.iacjobs.credentials;

import hudson.util.Secret;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import java.security.KeyStore;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What a credential means to a remote system. Lives only in memory for the duration of a call:
 * never a field of a step, an execution or an action, so it cannot reach {@code build.xml}.
 */
@Restricted(NoExternalUse.class)
public sealed interface ResolvedCredentials {

    /**
     * A digest of the secret material, never the secret: the key under which clients made from this credential are
     * shared. A rotated secret gets a fresh client, and the key is safe to log.
     */
    String digest();

    /** OAuth client-credentials grant: a username/password credential holds the client id and client secret. */
    record OAuthClient(String clientId, Secret clientSecret) implements ResolvedCredentials {
        @Override
        public String digest() {
            return TokenSourceRegistry.digest(clientId + ":" + clientSecret.getPlainText());
        }

        @Override
        public String toString() {
            return "OAuth client " + clientId;
        }
    }

    /**
     * A certificate credential's key store and its password: AvePoint signs a client assertion with the key.
     * The key store is the credential's own object, so it is never copied to disk. Core's token cache binds the
     * private key itself (see {@code AvePointCredentials#cacheKey}); this digest only tells key store objects apart.
     */
    record Certificate(KeyStore keyStore, Secret password) implements ResolvedCredentials {
        @Override
        public String digest() {
            return TokenSourceRegistry.digest("certificate:" + System.identityHashCode(keyStore) + ":" + password.getPlainText());
        }

        @Override
        public String toString() {
            return "certificate";
        }
    }

    /** A ready bearer token from a secret-text credential. */
    record Bearer(Secret token) implements ResolvedCredentials {
        @Override
        public String digest() {
            return TokenSourceRegistry.digest(token.getPlainText());
        }

        @Override
        public String toString() {
            return "bearer token";
        }
    }
}
