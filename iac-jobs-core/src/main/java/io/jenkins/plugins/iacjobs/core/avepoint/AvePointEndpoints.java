package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.http.UrlPolicy;
import okhttp3.HttpUrl;

/**
 * Where a tenant's token comes from and where its Graph API lives. They are chosen separately because AvePoint
 * runs its identity services per cloud and its API per data centre.
 *
 * @param tokenUrl the identity service's {@code /connect/token}; also the {@code aud} of client assertions
 * @param apiBase  the data centre's base URL, ending in {@code /}
 */
public record AvePointEndpoints(HttpUrl tokenUrl, HttpUrl apiBase) {

    /**
     * @param identity   an {@link IdentityService} name ({@code commercial}) or a token URL
     * @param dataCentre a {@link DataCenter} code ({@code us}) or a base URL
     */
    public static AvePointEndpoints of(String identity, String dataCentre) {
        return new AvePointEndpoints(tokenUrl(identity), apiBase(dataCentre));
    }

    public static AvePointEndpoints of(IdentityService identity, DataCenter dataCentre) {
        return of(identity.tokenUrl(), dataCentre.baseUrl());
    }

    static HttpUrl tokenUrl(String identity) {
        if (identity == null || identity.isBlank()) {
            return HttpUrl.get(IdentityService.COMMERCIAL.tokenUrl());
        }
        if (!identity.contains("/")) {
            return HttpUrl.get(IdentityService.parse(identity).tokenUrl());
        }
        HttpUrl url = UrlPolicy.requireSecure("identity service", identity);
        // A bare identity host means its standard token path.
        if (url.encodedPath().equals("/")) {
            url = url.newBuilder().encodedPath("/connect/token").build();
        }
        return url.newBuilder().query(null).fragment(null).build();
    }

    static HttpUrl apiBase(String dataCentre) {
        if (dataCentre == null || dataCentre.isBlank()) {
            throw new ValidationException("data centre", "is not set; give the tenant's data centre (such as us or ne) or a base URL");
        }
        String url = dataCentre.contains("/") ? dataCentre : DataCenter.parse(dataCentre).baseUrl();
        HttpUrl parsed = UrlPolicy.requireSecure("data centre", url);
        String path = parsed.encodedPath().endsWith("/") ? parsed.encodedPath() : parsed.encodedPath() + "/";
        return parsed.newBuilder().encodedPath(path).query(null).fragment(null).build();
    }

    /** {@code apiBase} with {@code relativePath} (no leading slash) appended. */
    public HttpUrl api(String relativePath) {
        return HttpUrl.get(apiBase.toString() + relativePath);
    }
}
