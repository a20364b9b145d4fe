package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysCredential;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysEndpoints;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
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

    GenesysEndpoints endpoints(CliContext ctx) {
        String r = region != null ? region : ctx.env("IACJOBS_REGION");
        String b = baseUrl != null ? baseUrl : ctx.env("IACJOBS_BASE_URL");
        if ((r == null || r.isBlank()) && (b == null || b.isBlank())) {
            throw new ValidationException("--region", "no region or base URL given; pass --region us_east_1 (or another region), or --base-url URL");
        }
        return GenesysEndpoints.of(r, b);
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
        return GenesysCredential.oauth(id, secret);
    }

    GenesysClient client(CliContext ctx) {
        return GenesysJobs.client(ctx.kit(), endpoints(ctx), credentials(ctx));
    }

    /** Where the job runs, said again as flags for a pasteable {@code job wait} (the secret stays in the environment). */
    Where where(CliContext ctx, RunOptions run) {
        String r = region != null ? region : ctx.env("IACJOBS_REGION");
        String b = baseUrl != null ? baseUrl : ctx.env("IACJOBS_BASE_URL");
        String id = clientId != null ? clientId : ctx.env(ENV_CLIENT_ID);
        return new Where() {
            @Override
            public String remote() {
                return endpoints(ctx).apiBase() + "|" + id;
            }

            @Override
            public String waitCommand(String jobId) {
                return "iacjobs job wait " + Shell.quote(jobId)
                        + (r != null && !r.isBlank() ? " --region " + Shell.quote(r) : " --base-url " + Shell.quote(b))
                        + (clientId != null ? " --client-id " + Shell.quote(clientId) : "") + run.outFlag();
            }
        };
    }

    GenesysJobs jobs(CliContext ctx) {
        return GenesysJobs.connect(ctx.kit(), endpoints(ctx), credentials(ctx));
    }
}
