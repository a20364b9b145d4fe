package io.jenkins.plugins.iacjobs.core.avepoint;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The AvePoint Online Services identity services and their token URLs (API-DIGEST §3.3). */
public enum IdentityService {
    COMMERCIAL("Commercial", "https://identity.avepointonlineservices.com/connect/token"),
    US_GOV("US Government", "https://identity-gov.avepointonlineservices.com/connect/token"),
    AOS2("AOS2", "https://identity-aos2.avepointonlineservices.com/connect/token"),
    FEDRAMP("FedRAMP (Project Hosts)", "https://identity.online15.net/connect/token");

    private final String displayName;
    private final String tokenUrl;

    IdentityService(String displayName, String tokenUrl) {
        this.displayName = displayName;
        this.tokenUrl = tokenUrl;
    }

    public String displayName() {
        return displayName;
    }

    public String tokenUrl() {
        return tokenUrl;
    }

    /** Accepts the constant name in any case, with {@code -} or {@code _} ({@code us-gov}), or {@code gov}. */
    public static IdentityService parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (v.equals("GOV") || v.equals("USGOV")) {
            return US_GOV;
        }
        for (IdentityService s : values()) {
            if (s.name().equals(v)) {
                return s;
            }
        }
        throw new ValidationException("identity service", "'" + value + "' is not an AvePoint identity service; use one of "
                + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ", or give the token URL");
    }
}
