package io.jenkins.plugins.iacjobs.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.IacJobsException;
import io.jenkins.plugins.iacjobs.core.SandboxFixture;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorQuery;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tokens against the sandbox's real token endpoint: cached, shared, refreshed before expiry, never shown. */
class TokenCachingTest {

    @Test
    void manyConcurrentCallersShareOneTokenRequest() throws Exception {
        try (SandboxFixture f = SandboxFixture.fast()) {
            GenesysClient client = f.client();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        client.listAccelerators(AcceleratorQuery.all());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            f.client().listAccelerators(AcceleratorQuery.all()); // a second client for the same credential
            assertEquals(1, f.sandbox.counters().tokenRequests());
            assertEquals(1, f.tokens.size());
        }
    }

    @Test
    void aTokenIsRefreshedBeforeItExpires() {
        try (SandboxFixture f = new SandboxFixture(SandboxConfig.defaults().withTokenLifetimeSeconds(100))) {
            AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
            Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
            RestClient tokenRest = RestClient.create(f.http, f.json, null, "Genesys Cloud", OAuthClientCredentialsGrant::decodeOAuthError);
            CachedTokenSource source = new CachedTokenSource(
                    OAuthClientCredentialsGrant.basic(tokenRest, f.endpoints().tokenUrl(), f.credentials(), clock), clock);
            String first = source.accessToken();
            now.set(now.get().plusSeconds(70));
            assertEquals(first, source.accessToken(), "still well within its life");
            now.set(now.get().plusSeconds(11)); // 81 s of 100: inside the last fifth
            String second = source.accessToken();
            assertNotEquals(first, second);
            assertEquals(2, f.sandbox.counters().tokenRequests());
            assertFalse(source.toString().contains(second));
        }
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheCallSucceeds() {
        try (SandboxFixture f = SandboxFixture.fast()) {
            GenesysClient client = f.client();
            client.listAccelerators(AcceleratorQuery.all());
            f.sandbox.genesys().revokeAllTokens();
            client.listAccelerators(AcceleratorQuery.all());
            assertEquals(2, f.sandbox.counters().tokenRequests());
        }
    }

    @Test
    void aWrongSecretIsAnAuthenticationErrorThatNamesTheClientButNotTheSecret() {
        try (SandboxFixture f = SandboxFixture.fast()) {
            String wrong = "wrong-secret-abcdefghijklmnop";
            GenesysClient client = GenesysClient.connect(f.http, f.json, f.endpoints(),
                    new ClientCredentials(f.sandbox.genesysClientId(), wrong), f.tokens, f.clock);
            IacJobsException e = assertThrows(IacJobsException.class, () -> client.listAccelerators(AcceleratorQuery.all()));
            assertEquals(IacJobsException.Kind.AUTHENTICATION, e.kind());
            assertTrue(e.getMessage().contains("client id '" + f.sandbox.genesysClientId() + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
            assertFalse(e.getMessage().contains(wrong));
            assertFalse(e.getMessage().contains(f.sandbox.genesysClientSecret()));
        }
    }

    @Test
    void accessTokensAndCredentialsNeverPrintTheirSecrets() {
        AccessToken t = new AccessToken("abc-secret-token", Instant.EPOCH, Instant.EPOCH.plus(Duration.ofHours(1)));
        assertFalse(t.toString().contains("abc-secret-token"));
        assertFalse(new ClientCredentials("id", "the-secret").toString().contains("the-secret"));
        assertFalse(TokenSource.fixed("pat-123456").toString().contains("pat-123456"));
    }
}
