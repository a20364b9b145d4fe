package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.http.UrlPolicy;
import okhttp3.HttpUrl;

/**
 * Where and how to reach one Terrakube organization. Immutable; start with {@link #of} and use the withers.
 *
 * @param baseUrl          the API server, without {@code /api/v1} (e.g. {@code https://terrakube-api.example.com})
 * @param organization     the organization's name or id
 * @param api              which jobs API the server has; {@link ApiGeneration#DETECT} asks it once
 * @param planOnlyTemplate the template (name or id) to run for {@code planOnly} when none is given; null: find the
 *                         one template whose flow only plans
 * @param uiUrl            the Terrakube UI, for links to runs; null: links point at the API
 * @param via              the {@code via} attribute jobs are created with ({@code UI, CLI, Github, Gitlab,
 *                         Bitbucket, Schedule} on 2.x); null sends none
 */
public record TerrakubeServer(HttpUrl baseUrl, String organization, ApiGeneration api, @CheckForNull String planOnlyTemplate,
                                  @CheckForNull HttpUrl uiUrl, @CheckForNull String via) {

    public static final String DEFAULT_VIA = "CLI";

    public TerrakubeServer {
        if (organization == null || organization.isBlank()) {
            throw new ValidationException("organization", "is empty; give the Terrakube organization's name or id");
        }
        organization = organization.strip();
        api = api == null ? ApiGeneration.DETECT : api;
        planOnlyTemplate = planOnlyTemplate == null || planOnlyTemplate.isBlank() ? null : planOnlyTemplate.strip();
        via = via == null || via.isBlank() ? null : via.strip();
    }

    /** Checks the URL (HTTPS except on loopback) and strips a trailing {@code /api/v1} someone pasted. */
    public static TerrakubeServer of(String url, String organization) {
        HttpUrl parsed = UrlPolicy.requireSecure("url", url);
        String path = parsed.encodedPath().replaceAll("/+$", "");
        if (path.endsWith("/api/v1")) {
            path = path.substring(0, path.length() - "/api/v1".length());
        }
        HttpUrl base = parsed.newBuilder().encodedPath(path.isEmpty() ? "/" : path + "/").query(null).build();
        return new TerrakubeServer(base, organization, ApiGeneration.DETECT, null, null, DEFAULT_VIA);
    }

    public TerrakubeServer withApi(ApiGeneration generation) {
        return new TerrakubeServer(baseUrl, organization, generation, planOnlyTemplate, uiUrl, via);
    }

    public TerrakubeServer withPlanOnlyTemplate(@CheckForNull String template) {
        return new TerrakubeServer(baseUrl, organization, api, template, uiUrl, via);
    }

    public TerrakubeServer withUiUrl(@CheckForNull String url) {
        HttpUrl ui = url == null || url.isBlank() ? null : UrlPolicy.requireSecure("uiUrl", url);
        return new TerrakubeServer(baseUrl, organization, api, planOnlyTemplate, ui, via);
    }

    public TerrakubeServer withVia(@CheckForNull String newVia) {
        return new TerrakubeServer(baseUrl, organization, api, planOnlyTemplate, uiUrl, newVia);
    }

    /** {@code <base>/api/v1/<segments>}. */
    HttpUrl api(String segments) {
        return baseUrl.newBuilder().addPathSegments("api/v1").addPathSegments(segments).build();
    }
}
