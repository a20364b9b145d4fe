package io.jenkins.plugins.iacjobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 24: what a run keeps until the remote's answer is saved. The values survive a restart (a build that had not
 * sent its job sends it after one) but are never in clear in the saved state; the send record survives as given.
 */
@WithJenkins
class PendingSendTest {
    private static final String SECRET = "sealed-not-plain-4711";

    @Test
    void theValuesAreSealedInTheSavedStateAndOpenAgainAfterIt(JenkinsRule r) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("queue_name", "Support");
        params.put("flow_api_secret", SECRET);
        PendingSend pending = PendingSend.of(params);
        assertNull(pending.record(), "nothing sent yet");

        byte[] saved = save(pending);
        assertFalse(new String(saved, StandardCharsets.ISO_8859_1).contains(SECRET), "the value is in the saved state in clear");
        assertFalse(new String(saved, StandardCharsets.ISO_8859_1).contains("Support"), "no value is in clear, secret or not");
        PendingSend restored = load(saved);
        assertEquals(params, restored.values());

        SendRecord record = new SendRecord(Instant.parse("2026-12-07T22:00:00Z"), Instant.parse("2026-12-07T21:59:58Z"),
                List.of("c5a1f9a0-0000-4000-8000-000000000001"), null);
        restored.sending(record);
        PendingSend afterTheSend = load(save(restored));
        assertEquals(record, afterTheSend.record(), "what finds the job after a crash");
    }

    private static byte[] save(PendingSend p) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        return bytes.toByteArray();
    }

    private static PendingSend load(byte[] saved) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved))) {
            return (PendingSend) in.readObject();
        }
    }
}
