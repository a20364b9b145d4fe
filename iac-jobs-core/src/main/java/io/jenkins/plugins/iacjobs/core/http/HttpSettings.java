package io.jenkins.plugins.iacjobs.core.http;

import java.time.Duration;

/**
 * Settings for the one shared {@link okhttp3.OkHttpClient}.
 *
 * @param readTimeout how long a single read may stall; large downloads stream, so this is per read, not per body
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration writeTimeout, String userAgent) {

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60),
                "iac-jobs/" + Version.current());
    }

    public HttpSettings withUserAgent(String ua) {
        return new HttpSettings(connectTimeout, readTimeout, writeTimeout, ua);
    }

    public HttpSettings withReadTimeout(Duration d) {
        return new HttpSettings(connectTimeout, d, writeTimeout, userAgent);
    }
}
