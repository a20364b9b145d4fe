package io.jenkins.plugins.iacjobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong input is refused with one error line and exit 2 before anything is submitted. */
class CliInputTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTimeScale(0.05));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Map<String, String> env() {
        return Map.of("IACJOBS_BASE_URL", sandbox.baseUrl(), "IACJOBS_CLIENT_ID", sandbox.genesysClientId(),
                "IACJOBS_CLIENT_SECRET", sandbox.genesysClientSecret());
    }

    @ParameterizedTest
    @CsvSource({"--timeout,30mins", "--timeout,99999999999999999999d", "--timeout,31d", "--poll-min,0s", "--poll-max,abc"})
    void aBadDurationIsRefusedBeforeSubmitting(String option, String value) {
        CliRun r = CliRun.of(env(), "job", "run", "--accelerator", "Simple IVR", "-p", "queue_name=Q", "--out", dir.toString(),
                option, value);
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains(option + ": '" + value + "'"), r.toString());
        assertEquals(0, sandbox.counters().submitRequests(), "nothing was submitted");
        assertFalse(r.all().contains("\tat "), r.toString());
    }
}
