package io.jenkins.plugins.iacjobs.remote;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.List;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The one place that turns a connection's {@code system} into the code for it. */
@Restricted(NoExternalUse.class)
public final class Systems {
    public static final String GENESYS = "genesys";
    public static final String TERRAKUBE = "terrakube";
    public static final String AVEPOINT = "avepoint";

    private static final List<RemoteSystem> ALL = List.of(new GenesysSystem(), new TerrakubeSystem(), new AvePointSystem());

    private Systems() {
    }

    /** Every system, in the order the drop-down shows them; Genesys, the default, first. */
    public static @NonNull List<RemoteSystem> all() {
        return ALL;
    }

    /** The system with this id; empty is Genesys, as connections saved before there were other systems. */
    public static @NonNull RemoteSystem of(@CheckForNull String id) {
        String wanted = id == null || id.isBlank() ? GENESYS : id.strip().toLowerCase(Locale.ROOT);
        for (RemoteSystem s : ALL) {
            if (s.id().equals(wanted)) {
                return s;
            }
        }
        throw new ValidationException("system", "'" + id + "' is not a system; use " + GENESYS + ", " + TERRAKUBE + " or " + AVEPOINT);
    }

    public static @NonNull RemoteSystem of(@NonNull ConnectionSettings connection) {
        return of(connection.getSystem());
    }

    /** The connection's place, resolved and checked once. */
    public static @NonNull RemoteTarget target(@NonNull ConnectionSettings connection) {
        return of(connection).target(connection);
    }

    /** "Terrakube connection 'tk'", for messages. */
    public static @NonNull String describe(@NonNull ConnectionSettings connection) {
        return Messages.System_describe(of(connection).displayName(), connection.getName());
    }
}
