package io.jenkins.plugins.iacjobs.sandbox;

import io.jenkins.plugins.iacjobs.sandbox.genesys.HistoryShape;
import io.jenkins.plugins.iacjobs.sandbox.terrakube.TerrakubeSandbox;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** Runs a sandbox until killed: {@code [--port N] [--faults SPEC] [--time-scale X] [--history-shape entities|array|single]}. */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("iacjobs sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        Sandbox sandbox = Sandbox.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "iacjobs-sandbox-shutdown"));
        describe(sandbox, System.out);
        stopped.await();
    }

    /** Prints what a client needs to connect. */
    public static void describe(Sandbox sandbox, PrintStream out) {
        out.println("IaC Jobs sandbox listening on " + sandbox.baseUrl());
        out.println("  Genesys base URL:      " + sandbox.baseUrl() + "  (token: " + sandbox.baseUrl() + "/oauth/token)");
        out.println("  Genesys client id:     " + sandbox.genesysClientId());
        out.println("  Genesys client secret: " + sandbox.genesysClientSecret());
        out.println("  Terrakube URL:         " + sandbox.baseUrl() + "  (organization " + sandbox.terrakube().organizationId()
                + " or " + TerrakubeSandbox.ORGANIZATION + ")");
        out.println("  Terrakube token:       " + sandbox.terrakube().token());
        out.println("  AvePoint identity:     " + sandbox.baseUrl() + "/connect/token  (data centre base URL: " + sandbox.baseUrl() + ")");
        out.println("  AvePoint client id:    " + sandbox.avepoint().clientId());
        out.println("  AvePoint secret:       " + sandbox.avepoint().clientSecret());
        out.println("  AvePoint x5t:          " + sandbox.avepoint().certificate().thumbprint());
        out.println("  Faults:                " + sandbox.config().faults());
        out.println("  Counters:              " + sandbox.baseUrl() + "/sandbox/counters");
        out.flush();
    }

    static SandboxConfig parse(String[] args) {
        SandboxConfig config = SandboxConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> config = config.withPort(intValue(arg, value(args, ++i, arg)));
                case "--faults" -> config = config.withFaults(FaultPlan.parse(value(args, ++i, arg)));
                case "--time-scale" -> config = config.withTimeScale(doubleValue(arg, value(args, ++i, arg)));
                case "--history-shape" -> config = config.withHistoryShape(
                        HistoryShape.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT)));
                case "--client-id" -> config = config.withGenesysClient(value(args, ++i, arg), config.genesysClientSecret());
                case "--client-secret" -> config = config.withGenesysClient(config.genesysClientId(), value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg
                        + "'; valid: --port N, --faults SPEC, --time-scale X, --history-shape entities|array|single, --client-id ID, --client-secret S");
            }
        }
        return config;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer, got '" + value + "'");
        }
    }

    private static double doubleValue(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }
}
