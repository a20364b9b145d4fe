package io.jenkins.plugins.iacjobs.cli;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.avepoint.ApiGeneration;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointAuth;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointClient;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointCredentials;
import io.jenkins.plugins.iacjobs.core.avepoint.AvePointEndpoints;
import io.jenkins.plugins.iacjobs.core.avepoint.CertificateLoader;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Where and as which app to read AvePoint Cloud Backup for Dynamics 365. Secrets and key-store passwords come only
 * from the environment, never from a flag, so they stay out of shell history and process listings.
 */
public final class AvePointOptions {
    public static final String ENV_IDENTITY = "IACJOBS_AVEPOINT_IDENTITY";
    public static final String ENV_DATA_CENTRE = "IACJOBS_AVEPOINT_DATA_CENTRE";
    public static final String ENV_CLIENT_ID = "IACJOBS_AVEPOINT_CLIENT_ID";
    public static final String SECRET_VARIABLE = "IACJOBS_AVEPOINT_CLIENT_SECRET";
    public static final String CERTIFICATE_PASSWORD_VARIABLE = "IACJOBS_AVEPOINT_CERTIFICATE_PASSWORD";

    @Option(names = "--identity", paramLabel = "SERVICE", description = "Identity service: commercial (default), us-gov, aos2, fedramp, or a token URL (or set " + ENV_IDENTITY + ").")
    String identity;

    @Option(names = {"--data-centre", "--data-center"}, paramLabel = "DC", description = "Data centre of the tenant, e.g. us, ne, au, or a base URL (or set " + ENV_DATA_CENTRE + ").")
    String dataCentre;

    @Option(names = "--client-id", paramLabel = "ID", description = "App (client) id registered in AvePoint Online Services (default: $" + ENV_CLIENT_ID + ").")
    String clientId;

    @Option(names = "--certificate", paramLabel = "FILE", description = "Sign in with this certificate instead of $" + SECRET_VARIABLE + ": a .p12/.pfx (password in $" + CERTIFICATE_PASSWORD_VARIABLE + ") or a PEM file.")
    Path certificate;

    @Option(names = "--private-key", paramLabel = "FILE", description = "The PKCS#8 PEM private key, when --certificate is a PEM file without it.")
    Path privateKey;

    @Option(names = "--api", paramLabel = "GENERATION", description = "current (GET /dynamicsbackup/jobs, default) or legacy (POST /api/OpenApi/GetJobs).")
    String api;

    AvePointEndpoints endpoints(CliContext ctx) {
        String dc = dataCentre != null ? dataCentre : ctx.env(ENV_DATA_CENTRE);
        if (dc == null || dc.isBlank()) {
            throw new ValidationException("--data-centre", "no data centre given; pass --data-centre us (or ne, au, ... or a base URL),"
                    + " as shown in the AvePoint Online Services organisation profile");
        }
        return AvePointEndpoints.of(identity != null ? identity : ctx.env(ENV_IDENTITY), dc);
    }

    AvePointCredentials credentials(CliContext ctx) {
        String id = clientId != null ? clientId : ctx.env(ENV_CLIENT_ID);
        if (id == null || id.isBlank()) {
            throw new ValidationException(ENV_CLIENT_ID, "is not set; export the app (client) id (or pass --client-id)");
        }
        if (certificate != null) {
            String name = String.valueOf(certificate.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                String pw = ctx.env(CERTIFICATE_PASSWORD_VARIABLE);
                return CertificateLoader.fromPkcs12(id, certificate, pw == null ? new char[0] : pw.toCharArray());
            }
            return CertificateLoader.fromPemFiles(id, certificate, privateKey != null ? privateKey : certificate);
        }
        String secret = ctx.env(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            throw new ValidationException(SECRET_VARIABLE, "is not set; export the app's client secret, or pass --certificate FILE");
        }
        return AvePointCredentials.secret(id, secret);
    }

    AvePointClient client(CliContext ctx) {
        AvePointEndpoints e = endpoints(ctx);
        AvePointCredentials c = credentials(ctx);
        return AvePointClient.create(ctx.http(), ctx.json(), AvePointAuth.tokenSource(ctx.tokens(), ctx.http(), ctx.json(), e, c, ctx.clock()),
                e, ApiGeneration.parse(api));
    }
}
