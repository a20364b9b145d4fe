package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.Printable;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.plan.OnChanges;
import io.jenkins.plugins.iacjobs.core.plan.PlanExpectation;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobRequest;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysJobs;
import io.jenkins.plugins.iacjobs.core.genesys.model.InfrastructureascodeJob;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.job.Submission;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobRequest;
import io.jenkins.plugins.iacjobs.core.terrakube.TerrakubeJobs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iacjobs job run|wait|status}. */
@Command(name = "job", description = "Run a remote job and wait for it, or look one up.", mixinStandardHelpOptions = true,
        subcommands = {JobCommand.Run.class, JobCommand.Wait.class, JobCommand.Status.class})
final class JobCommand {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Submit an accelerator job, stream its status until it ends, and write job.json, the plan or results and summary.md.")
    static final class Run implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        GenesysOptions genesys;
        @Mixin
        TerrakubeOptions terrakube;
        @Mixin
        RunOptions run;
        @Option(names = "--system", paramLabel = "SYSTEM", defaultValue = "genesys", description = "genesys or terrakube (default: ${DEFAULT-VALUE}).")
        RemoteSystemChoice system;
        @Option(names = "--accelerator", paramLabel = "ID_OR_NAME", description = "Accelerator id, or its exact name (Terrakube: the template).")
        String accelerator;
        @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "An accelerator parameter; repeat for more.")
        List<String> params = new ArrayList<>();
        @Option(names = "--plan-only", description = "Plan only (dryRun): show what would change, change nothing.")
        boolean planOnly;
        @Option(names = "--submit-only", description = "Submit and print the job id without waiting.")
        boolean submitOnly;
        @Option(names = "--expect-plan", paramLabel = "FINGERPRINT", description = "Genesys apply: apply only the reviewed plan. A dry run of the same inputs runs first; unless it plans exactly this fingerprint (plan.fingerprint of the reviewed run, v2:...), nothing is applied (exit 7).")
        String expectPlan;

        Run(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Map<String, String> values = parse(params, ctx.prog());
            OnChanges onChanges = run.onChanges();
            onChanges.requirePlanOnly("--on-changes", "--plan-only", planOnly);
            if (submitOnly && onChanges != OnChanges.IGNORE) {
                throw new ValidationException("--on-changes", "needs the plan, which --submit-only does not wait for; drop "
                        + "--submit-only, or give --on-changes to the `job wait` that picks the job up");
            }
            PlanExpectation expected = expectPlan == null ? null : PlanExpectation.parse("--expect-plan", expectPlan);
            if (expected != null) {
                String conflict = planOnly ? "--plan-only" : submitOnly ? "--submit-only"
                        : system == RemoteSystemChoice.terrakube ? "--system terrakube" : null;
                if (conflict != null) {
                    throw new ValidationException("--expect-plan", "checks an apply against the reviewed plan, and " + conflict
                            + (conflict.startsWith("--system") ? " plans and applies in one job (approve it with --approve prompt,"
                            + " which records the plan's fingerprint)" : " leaves no apply to check") + "; drop one of them");
                }
            }
            if (system == RemoteSystemChoice.terrakube) {
                if (!values.isEmpty()) {
                    throw new ValidationException("-p", "Terrakube takes no parameters per job"
                            + " (its API has no job variables); set " + String.join(", ", values.keySet())
                            + " as workspace variables in Terrakube, or drop -p");
                }
                genesys.refuseWithTerrakube();
                TerrakubeJobRequest request = terrakube.request(accelerator, planOnly);
                TerrakubeJobs jobs = terrakube.jobs(ctx, genesys.baseUrl);
                return new JobExecution(ctx, jobs, "cli", run, terrakube.where(ctx, genesys.baseUrl, run))
                        .submitAndWait(new Submission<>(jobs, request), submitOnly);
            }
            terrakube.refuseWithGenesys();
            if (accelerator == null) {
                throw new ValidationException("--accelerator", "is required; give the accelerator's id or exact name");
            }
            GenesysJobs jobs = genesys.jobs(ctx);
            JobExecution execution = new JobExecution(ctx, jobs, "cli", run, genesys.where(ctx, run));
            Submission<GenesysJobRequest> submission = new Submission<>(jobs, new GenesysJobRequest(accelerator, values, planOnly));
            return expected != null ? execution.applyReviewed(submission, expected) : execution.submitAndWait(submission, submitOnly);
        }

        /** {@code -p NAME=VALUE}s in order; a name given twice is an error, since either value could be meant. */
        static Map<String, String> parse(List<String> params, String prog) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String p : params) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new ValidationException("-p", "'" + p + "' is not NAME=VALUE; write it like -p queue_name=Support"
                            + " (see: " + prog + " job run --help)");
                }
                String name = p.substring(0, eq).strip();
                String value = p.substring(eq + 1);
                String earlier = values.putIfAbsent(name, value);
                if (earlier != null) {
                    throw new ValidationException("-p", "'" + name + "' is given twice; give it once, with the value you mean");
                }
            }
            return values;
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait for a job submitted earlier (e.g. with --submit-only) and write its artifacts.")
    static final class Wait implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        GenesysOptions genesys;
        @Mixin
        TerrakubeOptions terrakube;
        @Mixin
        RunOptions run;
        @Option(names = "--system", paramLabel = "SYSTEM", defaultValue = "genesys", description = "genesys or terrakube (default: ${DEFAULT-VALUE}).")
        RemoteSystemChoice system;
        @Parameters(paramLabel = "JOB_ID", description = "The job id.")
        String jobId;

        Wait(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (system == RemoteSystemChoice.terrakube) {
                genesys.refuseWithTerrakube();
                return new JobExecution(ctx, terrakube.jobs(ctx, genesys.baseUrl), "cli", run, terrakube.where(ctx, genesys.baseUrl, run))
                        .waitFor(jobId);
            }
            terrakube.refuseWithGenesys();
            return new JobExecution(ctx, genesys.jobs(ctx), "cli", run, genesys.where(ctx, run)).waitFor(jobId);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a job's status and error, if any.")
    static final class Status implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        GenesysOptions genesys;
        @Parameters(paramLabel = "JOB_ID", description = "The job id.")
        String jobId;
        @Option(names = "--output", defaultValue = "text", description = "text or json.")
        RunOptions.OutputFormat output;

        Status(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            InfrastructureascodeJob job;
            try {
                job = genesys.client(ctx).getJob(jobId, true).withoutResults();
            } catch (RemoteApiException e) {
                throw UnknownJob.orRethrow("Genesys Cloud", jobId, e);
            }
            if (output == RunOptions.OutputFormat.json) {
                ctx.printJson(job);
            } else {
                ctx.out().println(Printable.of(job.id() + "  " + job.status() + (job.planOnly() ? "  (plan only)" : "")
                        + "  submitted " + job.dateSubmitted())
                        + (job.errorInfo() == null ? "" : "\n  error: " + Printable.of(job.errorInfo().message())));
            }
            return ExitCodes.SUCCESS;
        }
    }
}
