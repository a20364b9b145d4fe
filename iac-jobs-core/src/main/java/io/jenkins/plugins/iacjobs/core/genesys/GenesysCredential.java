package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.auth.ClientCredentials;
import io.jenkins.plugins.iacjobs.core.auth.ClientKit;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;

/** How a Genesys Cloud connection signs in: an OAuth client (client-credentials grant), or a ready bearer token. */
public sealed interface GenesysCredential {

    /** A digest of the secret material, never the secret: it keys the token cache and the shared job client. */
    String digest();

    /** A client that signs in this way; see {@link GenesysJobs#client}. */
    GenesysClient client(ClientKit kit, GenesysEndpoints endpoints);

    static GenesysCredential oauth(String clientId, String clientSecret) {
        return new OAuthClient(new ClientCredentials(clientId, clientSecret));
    }

    static GenesysCredential token(String token) {
        return new Token(token);
    }

    record OAuthClient(ClientCredentials credentials) implements GenesysCredential {
        @Override
        public String digest() {
            return TokenSourceRegistry.digest(credentials.clientId() + ":" + credentials.clientSecret());
        }

        /** Tokens come from the kit's registry: one per credential, however many clients use it. */
        @Override
        public GenesysClient client(ClientKit kit, GenesysEndpoints endpoints) {
            return GenesysClient.connect(kit.http(), kit.json(), endpoints, credentials, digest(), kit.tokens(), kit.clock());
        }
    }

    record Token(String token) implements GenesysCredential {
        public Token {
            if (token == null || token.isBlank()) {
                throw new ValidationException("token", "is empty; give a Genesys Cloud bearer token");
            }
            token = token.strip();
        }

        @Override
        public String digest() {
            return TokenSourceRegistry.digest(token);
        }

        @Override
        public GenesysClient client(ClientKit kit, GenesysEndpoints endpoints) {
            return GenesysClient.create(kit.http(), kit.json(), TokenSource.fixed(token), endpoints);
        }

        @Override
        public String toString() {
            return "Token[****]";
        }
    }
}
