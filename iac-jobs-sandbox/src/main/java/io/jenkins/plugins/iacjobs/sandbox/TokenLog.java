package io.jenkins.plugins.iacjobs.sandbox;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every bearer token the sandbox's token endpoints handed out, expired or revoked ones included, so that a test
 * can search logs and files for them ({@code GET /sandbox/issued-tokens}). Terrakube's token is fixed and printed
 * at start, so it is not listed here.
 */
public final class TokenLog {
    private final ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();

    public void record(String token) {
        tokens.add(token);
    }

    public List<String> all() {
        return List.copyOf(tokens);
    }
}
