package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorInputs;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorQuery;
import io.jenkins.plugins.iacjobs.core.genesys.AcceleratorResolver;
import io.jenkins.plugins.iacjobs.core.genesys.GenesysClient;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorMetadata;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorSpecification;
import io.jenkins.plugins.iacjobs.core.genesys.model.MetadataProperty;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iacjobs accelerators list|get}. */
@Command(name = "accelerators", description = "List accelerators or show one with its parameters.", mixinStandardHelpOptions = true,
        subcommands = {AcceleratorsCommand.ListCmd.class, AcceleratorsCommand.Get.class})
final class AcceleratorsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accelerators.")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        GenesysOptions genesys;
        @Option(names = "--name", description = "Only names containing this.")
        String name;
        @Option(names = "--type", description = "module, accelerator or blueprint.")
        String type;
        @Option(names = "--output", defaultValue = "text", description = "text or json.")
        RunOptions.OutputFormat output;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<AcceleratorMetadata> all = genesys.client(ctx).listAllAccelerators(AcceleratorQuery.all().withName(name).withType(type));
            if (output == RunOptions.OutputFormat.json) {
                ctx.printJson(all);
            } else {
                ctx.out().printf("%-38s %-28s %-10s %s%n", "ID", "NAME", "ORIGIN", "TYPE");
                for (AcceleratorMetadata a : all) {
                    ctx.out().printf("%-38s %-28s %-10s %s%n", a.id(), a.name(), a.origin(), a.type());
                }
            }
            return ExitCodes.SUCCESS;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show an accelerator and its parameters.")
    static final class Get implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        GenesysOptions genesys;
        @Parameters(paramLabel = "ID_OR_NAME")
        String accelerator;
        @Option(names = "--output", defaultValue = "text", description = "text or json.")
        RunOptions.OutputFormat output;

        Get(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            GenesysClient client = genesys.client(ctx);
            AcceleratorSpecification spec = new AcceleratorResolver(client).resolve(accelerator);
            if (output == RunOptions.OutputFormat.json) {
                ctx.printJson(spec);
                return ExitCodes.SUCCESS;
            }
            ctx.out().println(spec.name() + " (" + spec.id() + ", " + spec.origin() + " " + spec.type() + ")");
            if (spec.description() != null) {
                ctx.out().println("  " + spec.description());
            }
            AcceleratorInputs inputs = AcceleratorInputs.of(spec);
            ctx.out().println("Parameters:");
            inputs.properties().forEach((n, p) -> ctx.out().println("  " + n + describe(p, inputs.required().contains(n))));
            return ExitCodes.SUCCESS;
        }

        private static String describe(MetadataProperty p, boolean required) {
            StringBuilder b = new StringBuilder();
            b.append(required ? "  (required)" : "  (optional)");
            if (p.markedSensitive()) {
                b.append(" sensitive");
            }
            if (!p.allowedValues().isEmpty()) {
                b.append(" one of ").append(p.allowedValues());
            }
            if (p.defaultValue() != null) {
                b.append(" default '").append(p.defaultValue()).append('\'');
            }
            if (p.description() != null) {
                b.append(" - ").append(p.description());
            }
            return b.toString();
        }
    }
}
