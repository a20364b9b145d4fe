package io.jenkins.plugins.iacjobs.core.http;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import okhttp3.HttpUrl;

/** HTTPS is required except for loopback addresses, where the sandbox and tests live. */
public final class UrlPolicy {
    private UrlPolicy() {
    }

    /** Parses and checks a base URL the user gave; the error names the field and the fix. */
    public static HttpUrl requireSecure(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException(field, "no URL given; give an https:// URL");
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new ValidationException(field, "'" + url + "' is not a URL; give an https:// URL such as https://api.mypurecloud.com");
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            throw new ValidationException(field, "'" + url + "' uses plain http; HTTPS is required except for loopback addresses");
        }
        return parsed;
    }

    public static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
