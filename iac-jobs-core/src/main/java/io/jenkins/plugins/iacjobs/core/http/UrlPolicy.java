package io.jenkins.plugins.iacjobs.core.http;

import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * HTTPS is required except for loopback addresses, where the sandbox and tests live. Loopback means an IP literal
 * in 127.0.0.0/8 or ::1, or the name {@code localhost} when every address it resolves to is loopback; a name that
 * merely starts with {@code 127.} is not. Derived URLs (a login host, a log URL) are checked again, as given.
 */
public final class UrlPolicy {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private UrlPolicy() {
    }

    /** Parses and checks a URL the user gave or we derived; the error names the field and the fix. */
    public static HttpUrl requireSecure(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException(field, "no URL given; give an https:// URL");
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new ValidationException(field, "'" + Printable.of(url) + "' is not a URL; give an https:// URL such as https://api.mypurecloud.com");
        }
        return check(field, parsed, url.strip());
    }

    public static HttpUrl requireSecure(String field, HttpUrl url) {
        return check(field, url, url.toString());
    }

    private static HttpUrl check(String field, HttpUrl url, String shown) {
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new ValidationException(field, "'" + Printable.of(shown) + "' uses plain http; HTTPS is required except for"
                    + " loopback addresses (127.0.0.1, ::1, localhost)");
        }
        return url;
    }

    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (IPV4.matcher(h).matches()) {
            return Arrays.stream(h.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255) && h.startsWith("127.");
        }
        if (h.contains(":")) {
            return h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
        }
        if (!h.equalsIgnoreCase("localhost")) {
            return false;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
