package io.jenkins.plugins.iacjobs.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.Secret;
import io.jenkins.plugins.iacjobs.core.job.SendRecord;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What a {@link JobRun} keeps of its submission until the remote's answer is saved, so that a controller killed at
 * any moment (SIGKILL, an OOM kill) neither loses the job nor sends it twice (issue 24):
 * <ul>
 *   <li>the parameter values, <b>sealed</b> with the controller's own key ({@link Secret}, as Jenkins keeps credentials
 *       on disk), so that a build whose job had not been sent yet sends it after the restart; never in plain text;</li>
 *   <li>once the send leaves, core's {@link SendRecord}: when, the window its job must lie in, the jobs of ours already
 *       in it, or the request marker the remote keeps, so that the job it made is found among its neighbours.</li>
 * </ul>
 * Dropped, and the run saved again, as soon as the remote's answer (or the lookup) names the job. A plain class, as
 * JBoss Marshalling sets fields reflectively.
 */
@Restricted(NoExternalUse.class)
final class PendingSend implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Parameter name to {@link Secret#getEncryptedValue()}. */
    private final LinkedHashMap<String, String> sealed;
    private Instant sentAt;
    private Instant since;
    private ArrayList<String> excluded;
    private String marker;

    private PendingSend(LinkedHashMap<String, String> sealed) {
        this.sealed = sealed;
    }

    /** Before anything is sent: the values, sealed. */
    static PendingSend of(Map<String, String> params) {
        LinkedHashMap<String, String> sealed = new LinkedHashMap<>();
        params.forEach((k, v) -> sealed.put(k, Secret.fromString(v).getEncryptedValue()));
        return new PendingSend(sealed);
    }

    /** The send is leaving: what finds its job if the answer never arrives. */
    void sending(SendRecord record) {
        sentAt = record.sentAt();
        since = record.since();
        excluded = new ArrayList<>(record.excluded());
        marker = record.marker();
    }

    /** What {@link #sending} was given; null when nothing was sent. */
    @CheckForNull
    SendRecord record() {
        return sentAt == null ? null : new SendRecord(sentAt, since, excluded, marker);
    }

    /** The values as given, opened with the controller's key; null when a value no longer opens (another key). */
    @CheckForNull
    Map<String, String> values() {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sealed.entrySet()) {
            Secret opened = Secret.decrypt(e.getValue());
            if (opened == null) {
                return null;
            }
            values.put(e.getKey(), opened.getPlainText());
        }
        return values;
    }
}
