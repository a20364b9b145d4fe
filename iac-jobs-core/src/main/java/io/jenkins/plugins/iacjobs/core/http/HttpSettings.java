package io.jenkins.plugins.iacjobs.core.http;

import java.time.Duration;

/**
 * Settings for the one shared {@link okhttp3.OkHttpClient}.
 *
 * @param readTimeout how long a single read may stall
 * @param callTimeout how long one call may take in all, connecting and reading the whole body included, so a
 *                    server that trickles bytes cannot hold a thread; downloads that stream large bodies to disk
 *                    ask for longer per request ({@link ApiRequest#withCallTimeout})
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration callTimeout,
                           String userAgent) {

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(2),
                "iac-jobs/" + Version.current());
    }

    public HttpSettings withUserAgent(String ua) {
        return new HttpSettings(connectTimeout, readTimeout, writeTimeout, callTimeout, ua);
    }

    public HttpSettings withReadTimeout(Duration d) {
        return new HttpSettings(connectTimeout, d, writeTimeout, callTimeout, userAgent);
    }

    public HttpSettings withCallTimeout(Duration d) {
        return new HttpSettings(connectTimeout, readTimeout, writeTimeout, d, userAgent);
    }
}
