package io.jenkins.plugins.iacjobs.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A {@link MockWebServer} on loopback playing Genesys Cloud for tests that run the CLI against a remote that misbehaves
 * in one way: what a well-behaved server answers, the kinds of request, and the environment that points the CLI at it.
 */
final class MockGenesys {
    static final String ACCELERATOR = "3f1c2a4e-8b7d-4c1e-9a6f-5d2e01a7b101";
    static final String CLIENT_ID = "id";

    private MockGenesys() {
    }

    /** token, accelerator, job (one job's URL), submit, history, or other. */
    static String kind(RecordedRequest r) {
        String path = r.getPath() == null ? "" : r.getPath();
        if (path.startsWith("/oauth/token")) {
            return "token";
        }
        if (path.startsWith("/api/v2/infrastructureascode/accelerators/")) {
            return "accelerator";
        }
        if (path.startsWith("/api/v2/infrastructureascode/jobs/")) {
            return "job";
        }
        if (path.startsWith("/api/v2/infrastructureascode/jobs")) {
            return "POST".equals(r.getMethod()) ? "submit" : "history";
        }
        return "other";
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse token() {
        return json("{\"access_token\":\"t0k3n\",\"token_type\":\"bearer\",\"expires_in\":3600}");
    }

    /** @param nameJson the accelerator's name as it appears inside a JSON string (escapes included) */
    static MockResponse accelerator(String nameJson) {
        return json("{\"id\":\"" + ACCELERATOR + "\",\"name\":\"" + nameJson + "\"}");
    }

    /**
     * Starts {@code server} on 127.0.0.1 answering tokens and the accelerator, and everything else with {@code rest}.
     *
     * @return the CLI's environment for it
     */
    static Map<String, String> serve(MockWebServer server, String acceleratorNameJson, String secret,
                                     Function<RecordedRequest, MockResponse> rest) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return switch (kind(r)) {
                    case "token" -> token();
                    case "accelerator" -> accelerator(acceleratorNameJson);
                    default -> rest.apply(r);
                };
            }
        });
        return start(server, secret);
    }

    /** Starts {@code server} (its dispatcher set) on 127.0.0.1 and returns the CLI's environment for it. */
    static Map<String, String> start(MockWebServer server, String secret) throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return Map.of("IACJOBS_BASE_URL", server.url("/").toString(), "IACJOBS_CLIENT_ID", CLIENT_ID, "IACJOBS_CLIENT_SECRET", secret);
    }

    /**
     * Stops {@code server}. A response held back or trickled on purpose can outlive MockWebServer's 5 s wait for its
     * connections; the sockets are closed by then, so that wait giving up is no failure of the test.
     */
    static void shutdown(MockWebServer server) {
        try {
            server.shutdown();
        } catch (IOException stillAnswering) {
            // see above
        }
    }
}
