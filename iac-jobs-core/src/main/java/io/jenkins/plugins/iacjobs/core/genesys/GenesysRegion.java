package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Genesys Cloud regions and their API hosts, as in the SDK's {@code PureCloudRegionHosts}. */
public enum GenesysRegion {
    us_east_1("https://api.mypurecloud.com"),
    eu_west_1("https://api.mypurecloud.ie"),
    ap_southeast_2("https://api.mypurecloud.com.au"),
    ap_northeast_1("https://api.mypurecloud.jp"),
    eu_central_1("https://api.mypurecloud.de"),
    us_west_2("https://api.usw2.pure.cloud"),
    ca_central_1("https://api.cac1.pure.cloud"),
    eu_west_2("https://api.euw2.pure.cloud"),
    ap_south_1("https://api.aps1.pure.cloud"),
    us_east_2("https://api.use2.us-gov-pure.cloud"),
    sa_east_1("https://api.sae1.pure.cloud"),
    me_central_1("https://api.mec1.pure.cloud"),
    ap_northeast_3("https://api.apne3.pure.cloud"),
    eu_central_2("https://api.euc2.pure.cloud"),
    ap_northeast_2("https://api.apne2.pure.cloud");

    private final String apiBase;

    GenesysRegion(String apiBase) {
        this.apiBase = apiBase;
    }

    public String apiBase() {
        return apiBase;
    }

    /** Accepts {@code us_east_1}, {@code us-east-1} or the region's domain ({@code mypurecloud.com}). */
    public static GenesysRegion parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (GenesysRegion r : values()) {
            if (r.name().equals(v.replace('-', '_')) || r.apiBase.equals("https://api." + v)) {
                return r;
            }
        }
        throw new ValidationException("region", "'" + value + "' is not a Genesys Cloud region; use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", or give a base URL instead");
    }
}
