package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.terrakube.ApprovePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.QueuePolicy;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobRequest;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeServer;
import picocli.CommandLine.Option;

/**
 * Where to reach Terrakube and what to run there. The URL is the shared {@code --base-url} (or
 * {@code $IACJOBS_TERRAKUBE_URL}); the token comes only from {@code $IACJOBS_TERRAKUBE_TOKEN}, never from a flag.
 */
public final class TerrakubeOptions {
    public static final String ENV_URL = "IACJOBS_TERRAKUBE_URL";
    public static final String ENV_ORGANIZATION = "IACJOBS_TERRAKUBE_ORGANIZATION";
    public static final String ENV_TOKEN = "IACJOBS_TERRAKUBE_TOKEN";

    @Option(names = "--organization", paramLabel = "NAME_OR_ID", description = "Terrakube organization (default: $IACJOBS_TERRAKUBE_ORGANIZATION).")
    String organization;

    @Option(names = "--workspace", paramLabel = "NAME_OR_ID", description = "Terrakube workspace to run the job in.")
    String workspace;

    @Option(names = "--template", paramLabel = "NAME_OR_ID", description = "Terrakube template to run (--accelerator is accepted too); older servers: plan, apply or destroy.")
    String template;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "Git branch to run instead of the workspace's.")
    String branch;

    @Option(names = "--approve", paramLabel = "POLICY", description = "At waitingApproval: auto (approve once), never (stop and exit 0), wait (for a person in Terrakube; default), or prompt (show the plan and ask here, y/N; needs a terminal).")
    String approve;

    @Option(names = "--queue", paramLabel = "POLICY", description = "When the workspace already runs a job: wait behind it (default; the log names it), or fail at once without creating a job (exit 7).")
    String queue;

    @Option(names = "--plan-only-template", paramLabel = "NAME_OR_ID", description = "The template --plan-only runs when --template is not given (default: the one template that only plans).")
    String planOnlyTemplate;

    TerrakubeJobs jobs(CliContext ctx, String baseUrl) {
        if (ApprovePolicy.parse(approve) == ApprovePolicy.INPUT && !ctx.terminal()) {
            throw new ValidationException("--approve", "'" + approve + "' asks on a terminal, and there is none here;"
                    + " use --approve auto (approve once) or --approve never (stop at waitingApproval and exit 0)");
        }
        String url = url(ctx, baseUrl); // a flag always wins over the environment
        if (url == null) {
            throw new ValidationException("--base-url", "no Terrakube URL given; pass --base-url https://terrakube-api.example.com or set " + ENV_URL);
        }
        String org = firstSet(organization, ctx.env(ENV_ORGANIZATION));
        if (org == null) {
            throw new ValidationException("--organization", "no organization given; pass --organization NAME or set " + ENV_ORGANIZATION);
        }
        String token = ctx.env(ENV_TOKEN);
        if (token == null || token.isBlank()) {
            throw new ValidationException(ENV_TOKEN, "is not set; export a Terrakube personal access token or team token");
        }
        EnvValues.requireOneLine(ENV_TOKEN, token);
        TerrakubeServer c = TerrakubeServer.of(url, org).withPlanOnlyTemplate(planOnlyTemplate);
        return TerrakubeJobs.connect(ctx.kit(), c, token).withApprovePolicy(ApprovePolicy.parse(approve));
    }

    private static String url(CliContext ctx, String baseUrlFlag) {
        return firstSet(baseUrlFlag, ctx.env(ENV_URL), ctx.env("IACJOBS_BASE_URL"));
    }

    /** Where the job runs, said again as flags for a pasteable {@code job wait} (the token stays in the environment). */
    Where where(CliContext ctx, String baseUrlFlag, RunOptions run) {
        String url = url(ctx, baseUrlFlag);
        String org = firstSet(organization, ctx.env(ENV_ORGANIZATION));
        return new Where() {
            @Override
            public String remote() {
                return url + "|" + org;
            }

            @Override
            public String waitCommand(String jobId) {
                return ctx.prog() + " job wait " + Shell.quote(jobId) + " --system terrakube --base-url " + Shell.quote(url)
                        + " --organization " + Shell.quote(org) + (approve != null ? " --approve " + Shell.quote(approve) : "")
                        + run.outFlag();
            }
        };
    }

    TerrakubeJobRequest request(String acceleratorAlias, boolean planOnly) {
        if (template != null && acceleratorAlias != null && !template.strip().equals(acceleratorAlias.strip())) {
            throw new ValidationException("--template", "'" + template + "' and --accelerator '" + acceleratorAlias
                    + "' name two templates; give one (--accelerator is only another name for --template)");
        }
        return new TerrakubeJobRequest(workspace, firstSet(template, acceleratorAlias), planOnly, branch, ApprovePolicy.parse(approve))
                .withQueue(QueuePolicy.parse(queue));
    }

    /** Options that only Terrakube takes, given with a Genesys command: an error, not silently ignored. */
    void refuseWithGenesys() {
        String flag = givenFlag();
        if (flag != null) {
            throw new ValidationException(flag, "is a Terrakube option; add --system terrakube, or drop " + flag);
        }
    }

    /** The first Terrakube-only option given, as its flag, or null. */
    private String givenFlag() {
        return organization != null ? "--organization" : workspace != null ? "--workspace" : template != null ? "--template"
                : branch != null ? "--branch" : approve != null ? "--approve" : planOnlyTemplate != null ? "--plan-only-template"
                : queue != null ? "--queue" : null;
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
