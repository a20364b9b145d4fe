package io.jenkins.plugins.iacjobs.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {
    @Test
    void httpsAndLoopbackHttpAreAccepted() {
        assertEquals("api.mypurecloud.com", UrlPolicy.requireSecure("base URL", "https://api.mypurecloud.com").host());
        assertEquals("127.0.0.1", UrlPolicy.requireSecure("base URL", "http://127.0.0.1:8080").host());
        assertEquals("localhost", UrlPolicy.requireSecure("base URL", "http://localhost:8080").host());
    }

    @Test
    void plainHttpElsewhereIsRefusedNamingFieldValueAndFix() {
        ValidationException e = assertThrows(ValidationException.class, () -> UrlPolicy.requireSecure("base URL", "http://api.example.com"));
        assertTrue(e.getMessage().startsWith("base URL: 'http://api.example.com'") && e.getMessage().contains("HTTPS is required"), e.getMessage());
    }

    @Test
    void notAUrlIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> UrlPolicy.requireSecure("base URL", "api.mypurecloud.com"));
        assertTrue(e.getMessage().contains("is not a URL"), e.getMessage());
    }

    @Test
    void namesThatOnlyLookLikeLoopbackAreNotLoopback() {
        for (String url : new String[] {"http://127.attacker.example.com", "http://127.0.0.1.nip.io", "http://127.300.0.1",
                "http://localhost.example.com", "http://[::2]"}) {
            assertThrows(ValidationException.class, () -> UrlPolicy.requireSecure("base URL", url), url);
        }
        assertEquals("[::1]", "[" + UrlPolicy.requireSecure("base URL", "http://[::1]:9").host() + "]");
    }

    @Test
    void aGenesysBaseUrlWhoseLoginHostWouldLeaveLoopbackIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> GenesysEndpoints.forBaseUrl("http://127.attacker.example.com"));
        assertTrue(e.getMessage().contains("plain http"), e.getMessage());
        assertEquals("http://127.0.0.1:9/oauth/token",
                GenesysEndpoints.forBaseUrl("http://127.0.0.1:9").tokenUrl().toString());
    }
}
