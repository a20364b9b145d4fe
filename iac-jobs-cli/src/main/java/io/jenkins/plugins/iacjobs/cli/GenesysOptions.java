package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysCredential;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where and as whom to connect to Genesys Cloud. The secret comes only from the environment, never from a flag,
 * so it stays out of shell history and process listings.
 */
public final class GenesysOptions {
    public static final String ENV_CLIENT_ID = "IACJOBS_CLIENT_ID";
    public static final String ENV_CLIENT_SECRET = "IACJOBS_CLIENT_SECRET";

    @Option(names = "--region", paramLabel = "REGION", description = "Genesys Cloud region, e.g. us_east_1, eu_west_1 (or set IACJOBS_REGION).")
    String region;

    @Option(names = "--base-url", paramLabel = "URL", description = "API base URL instead of a region, e.g. https://api.mypurecloud.com or a sandbox (or set IACJOBS_BASE_URL).")
    String baseUrl;

    @Option(names = "--client-id", paramLabel = "ID", description = "OAuth client id (default: $IACJOBS_CLIENT_ID). The secret is read from $IACJOBS_CLIENT_SECRET.")
    String clientId;

    public static final String ENV_REGION = "IACJOBS_REGION";
    public static final String ENV_BASE_URL = "IACJOBS_BASE_URL";

    /**
     * The region or the base URL, never both: a flag beats both environment variables (a {@code --base-url} wins
     * over {@code IACJOBS_REGION}, and a {@code --region} over {@code IACJOBS_BASE_URL}); both flags together, or
     * both variables with no flag, are an error, since either could be meant.
     */
    GenesysEndpoints endpoints(CliContext ctx) {
        String[] rb = regionOrBaseUrl(ctx);
        return GenesysEndpoints.of(rb[0], rb[1]);
    }

    private String[] regionOrBaseUrl(CliContext ctx) {
        if (given(region) && given(baseUrl)) {
            throw new ValidationException("--region", "'" + region + "' and --base-url '" + baseUrl + "' both say where to connect;"
                    + " give one of them");
        }
        if (given(region)) {
            return new String[] {region.strip(), null};
        }
        if (given(baseUrl)) {
            return new String[] {null, baseUrl.strip()};
        }
        String r = ctx.env(ENV_REGION);
        String b = ctx.env(ENV_BASE_URL);
        if (given(r) && given(b)) {
            throw new ValidationException(ENV_REGION, "'" + r + "' and " + ENV_BASE_URL + " '" + b + "' are both set; unset one,"
                    + " or pass --region or --base-url, which wins over both");
        }
        if (!given(r) && !given(b)) {
            throw new ValidationException("--region", "no region or base URL given; pass --region us_east_1 (or another region), or --base-url URL");
        }
        return given(r) ? new String[] {r.strip(), null} : new String[] {null, b.strip()};
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }

    /** Genesys' own options, given with {@code --system terrakube}: an error, not silently ignored. */
    void refuseWithTerrakube() {
        String flag = region != null ? "--region" : clientId != null ? "--client-id" : null;
        if (flag != null) {
            throw new ValidationException(flag, "is a Genesys Cloud option and --system is terrakube; drop " + flag
                    + (flag.equals("--region") ? " (Terrakube's URL is --base-url)" : " (Terrakube's token is read from "
                    + TerrakubeOptions.ENV_TOKEN + ")"));
        }
    }

    GenesysCredential credentials(CliContext ctx) {
        String id = clientId != null ? clientId : ctx.env(ENV_CLIENT_ID);
        String secret = ctx.env(ENV_CLIENT_SECRET);
        if (id == null || id.isBlank()) {
            throw new ValidationException(ENV_CLIENT_ID, "is not set; export the OAuth client id (or pass --client-id)");
        }
        if (secret == null || secret.isBlank()) {
            throw new ValidationException(ENV_CLIENT_SECRET, "is not set; export the OAuth client secret for client id '" + id + "'");
        }
        EnvValues.requireOneLine(ENV_CLIENT_ID, id);
        EnvValues.requireOneLine(ENV_CLIENT_SECRET, secret);
        return GenesysCredential.oauth(id, secret);
    }

    /**
     * A client for one-off calls (accelerators, job status): bounded in all by {@link #CALL_BOUND}, retries and
     * waits included, so a remote that trickles cannot hold a command for the 12 minutes its retries would add up to.
     */
    GenesysClient client(CliContext ctx) {
        return GenesysJobs.client(ctx.kit(), endpoints(ctx), credentials(ctx)).withDeadline(ctx.clock().instant().plus(CALL_BOUND));
    }

    /** How long a command without {@code --timeout} (accelerators list/get, job status) may take in all. */
    static final Duration CALL_BOUND = Duration.ofMinutes(3);

    /** Where the job runs, said again as flags for a pasteable {@code job wait} (the secret stays in the environment). */
    Where where(CliContext ctx, RunOptions run) {
        String[] rb = regionOrBaseUrl(ctx);
        String r = rb[0];
        String b = rb[1];
        String id = clientId != null ? clientId : ctx.env(ENV_CLIENT_ID);
        return new Where() {
            @Override
            public String remote() {
                return endpoints(ctx).apiBase() + "|" + id;
            }

            @Override
            public String waitCommand(String jobId) {
                return ctx.prog() + " job wait " + Shell.quote(jobId)
                        + (r != null ? " --region " + Shell.quote(r) : " --base-url " + Shell.quote(b))
                        + (clientId != null ? " --client-id " + Shell.quote(clientId) : "") + run.outFlag();
            }
        };
    }

    GenesysJobs jobs(CliContext ctx) {
        return GenesysJobs.connect(ctx.kit(), endpoints(ctx), credentials(ctx));
    }
}
