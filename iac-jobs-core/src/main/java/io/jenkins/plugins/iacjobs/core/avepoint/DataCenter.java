package io.jenkins.plugins.iacjobs.core.avepoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * AvePoint Graph API data centres (API-DIGEST §3.3). The tenant's data centre is shown in the AvePoint Online
 * Services organisation profile. The GCP hosts are left out: AvePoint does not list Dynamics backup there.
 */
public enum DataCenter {
    AU("Australia", "graph-au"),
    SG("Singapore", "graph-sg"),
    CA("Canada", "graph-ca"),
    NE("North Europe (Ireland)", "graph-ne"),
    WE("West Europe (Netherlands)", "graph-we"),
    FR("France", "graph-fr"),
    DE("Germany", "graph-de"),
    JP("Japan", "graph-jp"),
    KR("Korea", "graph-kr"),
    CH("Switzerland", "graph-ch"),
    UK("United Kingdom", "graph-uk"),
    US("US East", "graph-us"),
    UAE("United Arab Emirates", "graph-uae"),
    ZA("South Africa", "graph-za"),
    QA("Qatar", "graph-qa"),
    GOV("US Government", "graph-gov"),
    AOS2("AOS2", "graph-aos2"),
    FEDRAMP("FedRAMP (Project Hosts)", null);

    private final String displayName;
    private final @CheckForNull String hostLabel;

    DataCenter(String displayName, @CheckForNull String hostLabel) {
        this.displayName = displayName;
        this.hostLabel = hostLabel;
    }

    public String displayName() {
        return displayName;
    }

    /** The API base URL, ending in {@code /}. */
    public String baseUrl() {
        return hostLabel == null ? "https://graphusgovapi.online15.net/" : "https://" + hostLabel + ".avepointonlineservices.com/";
    }

    /** Accepts the code in any case ({@code us}, {@code NE}) or the host label ({@code graph-us}). */
    public static DataCenter parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (v.startsWith("GRAPH-")) {
            v = v.substring("GRAPH-".length());
        }
        for (DataCenter dc : values()) {
            if (dc.name().equals(v)) {
                return dc;
            }
        }
        throw new ValidationException("data centre", "'" + value + "' is not an AvePoint data centre; use one of "
                + Arrays.stream(values()).map(dc -> dc.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ", or give the base URL");
    }
}
