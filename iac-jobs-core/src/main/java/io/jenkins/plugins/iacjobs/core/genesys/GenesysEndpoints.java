package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.http.UrlPolicy;
import okhttp3.HttpUrl;

/**
 * Where a Genesys Cloud organisation lives: the API base and the token URL. The login host is derived as the
 * SDK does: the API host with its first label replaced by {@code login} ({@code api.usw2.pure.cloud} →
 * {@code login.usw2.pure.cloud}). A host with no dot, or an IP address (the sandbox), keeps its host.
 */
public record GenesysEndpoints(HttpUrl apiBase, HttpUrl tokenUrl) {

    public static GenesysEndpoints forRegion(GenesysRegion region) {
        return forBaseUrl(region.apiBase());
    }

    /** @param baseUrl an https URL, or http on loopback */
    public static GenesysEndpoints forBaseUrl(String baseUrl) {
        HttpUrl api = UrlPolicy.requireSecure("base URL", baseUrl);
        String host = api.host();
        String loginHost = host;
        boolean ip = host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":");
        int dot = host.indexOf('.');
        if (!ip && dot > 0) {
            loginHost = "login" + host.substring(dot);
        }
        // The secret goes to the derived host: it must pass the same check as the base URL.
        HttpUrl token = UrlPolicy.requireSecure("token URL derived from the base URL",
                api.newBuilder().host(loginHost).encodedPath("/oauth/token").query(null).build());
        HttpUrl base = api.newBuilder().encodedPath("/").query(null).build();
        return new GenesysEndpoints(base, token);
    }

    /** A region name or a base URL, whichever the user gave; the region wins if both are given. */
    public static GenesysEndpoints of(String region, String baseUrl) {
        if (region != null && !region.isBlank()) {
            return forRegion(GenesysRegion.parse(region));
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new ValidationException("region",
                    "neither a region nor a base URL is set; give a region such as us_east_1, or a base URL");
        }
        return forBaseUrl(baseUrl);
    }
}
