package io.jenkins.plugins.iacjobs.core.http;

import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * The one place that configures an {@link OkHttpClient}: timeouts (a total one per call too), no redirects,
 * User-Agent, and a hook for the caller's
 * proxy settings (Jenkins passes its ProxyConfiguration through it). Build one per process and share it:
 * its connection pool and dispatcher are meant to be shared.
 */
public final class HttpClients {
    private HttpClients() {
    }

    public static OkHttpClient create(HttpSettings settings) {
        return create(settings, b -> { });
    }

    /** @param proxyHook sets {@code proxy}, {@code proxySelector} or {@code proxyAuthenticator} on the builder */
    public static OkHttpClient create(HttpSettings settings, Consumer<OkHttpClient.Builder> proxyHook) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.writeTimeout())
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false) // retries are decided by RestClient, which knows idempotency
                // A redirect would re-send credentials and request bodies to wherever it points: RestClient reports it instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", settings.userAgent()).build()));
        proxyHook.accept(b);
        return b.build();
    }
}
