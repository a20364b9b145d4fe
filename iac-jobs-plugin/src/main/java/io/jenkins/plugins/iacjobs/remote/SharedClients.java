package io.jenkins.plugins.iacjobs.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.auth.ClientKit;
import io.jenkins.plugins.iacjobs.core.auth.TokenSourceRegistry;
import io.jenkins.plugins.iacjobs.core.http.HttpClients;
import io.jenkins.plugins.iacjobs.core.http.HttpSettings;
import io.jenkins.plugins.iacjobs.core.http.Json;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.time.Clock;
import jenkins.model.Jenkins;
import okhttp3.OkHttpClient;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What every system's clients share in one controller: one HTTP client that goes through Jenkins' proxy settings,
 * one ObjectMapper, and one token cache per credential.
 */
@Restricted(NoExternalUse.class)
public final class SharedClients {

    private static final TokenSourceRegistry TOKENS = new TokenSourceRegistry();
    private static volatile OkHttpClient base;
    private static volatile ObjectMapper json;

    private SharedClients() {
    }

    /**
     * The shared client with the proxy settings as they are now. okhttp clients built from one another share
     * their connection pool and dispatcher, so rebuilding per call to pick up proxy changes is cheap.
     */
    public static @NonNull OkHttpClient http() {
        OkHttpClient b = base;
        if (b == null) {
            synchronized (SharedClients.class) {
                if (base == null) {
                    base = HttpClients.create(HttpSettings.defaults().withUserAgent(userAgent()));
                }
                b = base;
            }
        }
        return JenkinsOkHttpClient.newClientBuilder(b).build();
    }

    public static @NonNull ObjectMapper json() {
        ObjectMapper m = json;
        if (m == null) {
            synchronized (SharedClients.class) {
                if (json == null) {
                    json = Json.newMapper();
                }
                m = json;
            }
        }
        return m;
    }

    /** What the systems' {@code connect} methods take: the same as the CLI's, so clients are built and keyed alike. */
    public static @NonNull ClientKit kit() {
        return new ClientKit(http(), json(), TOKENS, Clock.systemUTC());
    }

    /** The token caches of every system, one per credential. */
    public static @NonNull TokenSourceRegistry tokens() {
        return TOKENS;
    }

    private static String userAgent() {
        var plugin = Jenkins.get().getPluginManager().getPlugin("iac-jobs");
        return "iac-jobs-jenkins/" + (plugin == null ? "dev" : plugin.getVersion()) + " Jenkins/" + Jenkins.VERSION;
    }
}
