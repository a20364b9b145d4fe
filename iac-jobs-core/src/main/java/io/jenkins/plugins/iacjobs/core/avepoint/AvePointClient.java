package io.jenkins.plugins.iacjobs.core.avepoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.iacjobs.core.auth.ClientKit;
import io.jenkins.plugins.iacjobs.core.http.RestClient;
import io.jenkins.plugins.iacjobs.core.http.RetryPolicy;
import io.jenkins.plugins.iacjobs.core.http.TokenSource;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Reads Cloud Backup for Dynamics 365 job reports from the AvePoint Graph API, current or legacy generation.
 * Immutable and thread-safe; build one per connection and credential.
 */
public final class AvePointClient {
    public static final String SYSTEM = "AvePoint Cloud Backup";
    static final String IDENTITY_SYSTEM = "AvePoint Online Services identity";

    private final RestClient rest;
    private final AvePointEndpoints endpoints;
    private final ApiGeneration generation;

    private AvePointClient(RestClient rest, AvePointEndpoints endpoints, ApiGeneration generation) {
        this.rest = rest;
        this.endpoints = endpoints;
        this.generation = generation;
    }

    /** @param tokens usually {@link AvePointAuth#tokenSource}; tokens are refreshed before expiry and after a 401 */
    public static AvePointClient create(OkHttpClient http, ObjectMapper json, TokenSource tokens, AvePointEndpoints endpoints,
                                        ApiGeneration generation) {
        return new AvePointClient(RestClient.create(http, json, tokens, SYSTEM, AvePointErrors.INSTANCE), endpoints,
                generation == null ? ApiGeneration.CURRENT : generation);
    }

    /** As every front end connects: tokens from the kit's registry, one per credential. */
    public static AvePointClient connect(ClientKit kit, AvePointEndpoints endpoints, AvePointCredentials credentials,
                                         ApiGeneration generation) {
        return create(kit.http(), kit.json(), AvePointAuth.tokenSource(kit.tokens(), kit.http(), kit.json(), endpoints, credentials,
                kit.clock()), endpoints, generation);
    }

    /** Builds the token source and the client in one go. */
    public static AvePointClient connect(OkHttpClient http, ObjectMapper json, AvePointEndpoints endpoints,
                                         AvePointCredentials credentials, ApiGeneration generation, Clock clock) {
        return create(http, json, AvePointAuth.tokenSource(http, json, endpoints, credentials, clock), endpoints, generation);
    }

    public AvePointClient withRetryPolicy(RetryPolicy policy) {
        return new AvePointClient(rest.withRetryPolicy(policy), endpoints, generation);
    }

    public AvePointEndpoints endpoints() {
        return endpoints;
    }

    public ApiGeneration generation() {
        return generation;
    }

    public ObjectMapper json() {
        return rest.json();
    }

    /**
     * Signs in and asks for one job: what "Test connection" calls. Proves the credentials, the permission and the
     * data centre in one request.
     *
     * @return how many jobs the query matches, or -1 when the server does not say
     */
    public long countJobs(JobQuery query) {
        return generation == ApiGeneration.LEGACY
                ? new LegacyJobsPager(rest, endpoints).count(query)
                : new CurrentJobsPager(rest, endpoints).count(query);
    }

    /**
     * Reads every job in the query's window, page by page, into {@code sink}. Only one page is held in memory.
     * A job repeated across a page boundary is passed on once.
     */
    public ReadStats readJobs(JobQuery query, JobSink sink) {
        return readJobs(query, sink, PageListener.NONE);
    }

    /** As {@link #readJobs(JobQuery, JobSink)}, telling {@code listener} after each page. */
    public ReadStats readJobs(JobQuery query, JobSink sink, PageListener listener) {
        PageTally tally = new PageTally(query, sink, rest.json(), listener);
        if (generation == ApiGeneration.LEGACY) {
            new LegacyJobsPager(rest, endpoints).read(query, tally);
        } else {
            new CurrentJobsPager(rest, endpoints).read(query, tally);
        }
        return tally.stats();
    }
}
