package io.jenkins.plugins.iacjobs.core.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * What every client of one process shares: one HTTP client, one ObjectMapper, one token source per credential, and
 * the clock. The CLI makes one per run and the Jenkins plugin one per controller; the systems' {@code connect}
 * methods take it, so both build their clients, and key what they share, the same way.
 */
public record ClientKit(OkHttpClient http, ObjectMapper json, TokenSourceRegistry tokens, Clock clock) {
}
