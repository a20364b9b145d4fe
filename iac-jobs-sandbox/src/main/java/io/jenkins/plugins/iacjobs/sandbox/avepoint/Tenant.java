package io.jenkins.plugins.iacjobs.sandbox.avepoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A generated tenant: organisations and jobs of every type and status, deterministic from a {@link TenantSpec}.
 * Jobs are kept newest first, the order the listing pages in.
 */
public final class Tenant {
    /** Organisation names; one holds a comma and quotes so report files must escape it. */
    private static final String[] MODULES = {"Customer Engagement", "Customer Engagement", "Customer Engagement",
        "Power Apps", "Power Automate"};
    private static final int[] TYPES = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 4, 4, 8, 8, 16, 16, 32, 32};
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final List<Organisation> organisations;
    private final List<D365Job> jobs;

    /** An organisation of the tenant. */
    public record Organisation(String id, String name) {
    }

    private Tenant(List<Organisation> organisations, List<D365Job> jobs) {
        this.organisations = organisations;
        this.jobs = jobs;
    }

    public static Tenant generate(TenantSpec spec) {
        Random random = new Random(spec.seed());
        List<Organisation> orgs = new ArrayList<>();
        for (int i = 0; i < spec.organisations(); i++) {
            String id = UUID.nameUUIDFromBytes(("d365-org:" + spec.seed() + ":" + i).getBytes(StandardCharsets.UTF_8)).toString();
            orgs.add(new Organisation(id, TenantSpec.NAMES[i]));
        }
        Organisation staleOrg = orgs.size() > 1 ? orgs.get(orgs.size() - 1) : null;
        List<D365Job> jobs = new ArrayList<>(spec.jobs());
        long spanMillis = spec.span().toMillis();
        for (int i = 0; i < spec.jobs(); i++) {
            long offset = (long) ((i + random.nextDouble()) * spanMillis / Math.max(1, spec.jobs()));
            Instant start = spec.anchor().minusMillis(offset);
            Organisation org = orgs.get(random.nextInt(orgs.size()));
            int type = TYPES[random.nextInt(TYPES.length)];
            boolean recent = Duration.between(start, spec.anchor()).compareTo(Duration.ofHours(2)) < 0;
            boolean staleWindow = Duration.between(start, spec.anchor()).compareTo(Duration.ofDays(3)) < 0;
            int status;
            double roll = random.nextDouble();
            if (recent && roll < 0.5) {
                status = 2;
            } else if (org == staleOrg && type == 1 && staleWindow) {
                status = 4;
            } else {
                status = roll < 0.82 ? 3 : roll < 0.9 ? 4 : 7;
            }
            jobs.add(job(random, i, start, spec.anchor(), org, type, status));
        }
        jobs.sort(Comparator.comparing(D365Job::startTime).reversed().thenComparing(D365Job::jobId));
        return new Tenant(List.copyOf(orgs), List.copyOf(jobs));
    }

    private static D365Job job(Random r, int index, Instant start, Instant anchor, Organisation org, int type, int status) {
        String module = MODULES[r.nextInt(MODULES.length)];
        long totalEntity = 1 + r.nextInt(300);
        long totalRecord = totalEntity * (10 + r.nextInt(500));
        long failedEntity = status == 4 ? Math.max(1, totalEntity / (2 + r.nextInt(5))) : status == 7 ? 1 + r.nextInt((int) Math.min(5, totalEntity)) : 0;
        long failedRecord = status == 4 ? totalRecord / (2 + r.nextInt(5)) : status == 7 ? 1 + r.nextInt(50) : 0;
        long skippedEntity = status == 2 ? 0 : r.nextInt(3);
        long warningEntity = status == 7 ? r.nextInt(3) : 0;
        long successfulEntity = status == 2 ? totalEntity / 2 : Math.max(0, totalEntity - failedEntity - skippedEntity - warningEntity);
        long skippedRecord = skippedEntity * 3L;
        long warningRecord = warningEntity * 2L;
        long successfulRecord = status == 2 ? totalRecord / 2 : Math.max(0, totalRecord - failedRecord - skippedRecord - warningRecord);
        Instant finish = status == 2 ? null : start.plusSeconds(30 + r.nextInt(3 * 3600));
        if (finish != null && finish.isAfter(anchor)) {
            finish = anchor.isAfter(start) ? anchor : start; // finished jobs never finish in the future
        }
        String prefix = switch (type) {
            case 1 -> "DCIB";
            case 2 -> "DCIR";
            case 4 -> "DCID";
            case 8 -> "DCIT";
            case 16 -> "DCIA";
            default -> "DCIE";
        };
        String jobId = prefix + ID_TIME.format(start) + String.format("%08d", index);
        long size = type == 1 || type == 16 ? totalRecord * (200 + r.nextInt(800)) : 0;
        return new D365Job(module, type, jobId, start, finish, status, successfulEntity, failedEntity, skippedEntity,
                warningEntity, totalEntity, successfulRecord, failedRecord, skippedRecord, warningRecord, totalRecord, size,
                org.id(), org.name());
    }

    public List<Organisation> organisations() {
        return organisations;
    }

    /** Every job, newest first. */
    public List<D365Job> jobs() {
        return jobs;
    }

    /** The organisation whose recent backups all fail, or null for a one-organisation tenant. */
    public Organisation staleOrganisation() {
        return organisations.size() > 1 ? organisations.get(organisations.size() - 1) : null;
    }
}
