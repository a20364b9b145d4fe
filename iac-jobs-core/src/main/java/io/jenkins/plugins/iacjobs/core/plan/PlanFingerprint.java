package io.jenkins.plugins.iacjobs.core.plan;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a plan's normalised resource list: what it does to which address, whatever the order the plan listed
 * them in, and whatever the rest of its output (timings, colours, ids) said. Two plans with the same fingerprint
 * change the same resources in the same way, so a drift check can tell a drift that stays from a new one.
 *
 * <p>Streaming: each resource's SHA-256 is added modulo 2<sup>256</sup> (a multiset hash, so order does not count),
 * and the sum is digested with the counts at the end. Memory stays constant for a plan of millions of resources, and
 * every resource counts, kept or not.
 */
public final class PlanFingerprint {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    /** Changes when the normalisation does: a fingerprint is only compared with one of the same version. */
    static final String VERSION = "v1";

    private final MessageDigest each = sha256();

    PlanFingerprint() {
    }
    private BigInteger sum = BigInteger.ZERO;
    private long count;

    void add(PlannedChange c) {
        String given = c.address();
        String address = given == null ? "" : given.strip();
        byte[] d = each.digest((c.action().word() + " " + address).getBytes(StandardCharsets.UTF_8));
        sum = sum.add(new BigInteger(1, d)).mod(MODULUS);
        count++;
    }

    /** {@code v1:} and 64 hex digits, over the resources added and the plan's counts. */
    String digest(int add, int change, int destroy) {
        String all = VERSION + "\n" + add + " " + change + " " + destroy + " " + count + "\n" + sum.toString(16);
        return VERSION + ":" + HexFormat.of().formatHex(sha256().digest(all.getBytes(StandardCharsets.UTF_8)));
    }

    /** The version of a fingerprint that also covers the target and the inputs. */
    static final String WITH_INPUTS = "v2";

    /**
     * The fingerprint of the same changes made for {@code inputs} (a digest of the target and every input value, from
     * {@link #inputs}): {@code v2:} and 64 hex digits. Two plans match only when they change the same resources in the
     * same way for the same target and the same inputs.
     */
    static String withInputs(String changes, String inputs) {
        String all = WITH_INPUTS + "\n" + changes + "\n" + inputs;
        return WITH_INPUTS + ":" + HexFormat.of().formatHex(sha256().digest(all.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A digest of a request's target and inputs, as one canonical text ({@code JobRequest#planInputs}): kept instead of
     * the values, which may be secret. 64 hex digits.
     */
    public static String inputs(String canonicalInputs) {
        return HexFormat.of().formatHex(sha256().digest(("inputs\n" + canonicalInputs).getBytes(StandardCharsets.UTF_8)));
    }

    /** The fingerprint of a plan that lists every resource it names. */
    static String of(int add, int change, int destroy, Iterable<PlannedChange> resources) {
        PlanFingerprint f = new PlanFingerprint();
        resources.forEach(f::add);
        return f.digest(add, change, destroy);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
