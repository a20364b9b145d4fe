package io.jenkins.plugins.iacjobs.core.genesys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.iacjobs.core.ValidationException;
import org.junit.jupiter.api.Test;

class GenesysEndpointsTest {
    @Test
    void loginHostIsDerivedAsTheSdkDoes() {
        assertEquals("https://login.usw2.pure.cloud/oauth/token", GenesysEndpoints.forRegion(GenesysRegion.us_west_2).tokenUrl().toString());
        assertEquals("https://login.mypurecloud.com/oauth/token", GenesysEndpoints.forRegion(GenesysRegion.us_east_1).tokenUrl().toString());
        assertEquals("https://login.use2.us-gov-pure.cloud/oauth/token", GenesysEndpoints.of("us-east-2", null).tokenUrl().toString());
    }

    @Test
    void loopbackKeepsItsHost() {
        GenesysEndpoints e = GenesysEndpoints.forBaseUrl("http://127.0.0.1:8123");
        assertEquals("http://127.0.0.1:8123/oauth/token", e.tokenUrl().toString());
        assertEquals("http://127.0.0.1:8123/", e.apiBase().toString());
    }

    @Test
    void regionsParseInEveryCommonSpelling() {
        assertEquals(GenesysRegion.eu_west_1, GenesysRegion.parse("eu_west_1"));
        assertEquals(GenesysRegion.eu_west_1, GenesysRegion.parse("EU-WEST-1"));
        assertEquals(GenesysRegion.eu_west_1, GenesysRegion.parse("mypurecloud.ie"));
    }

    @Test
    void anUnknownRegionListsTheValidOnes() {
        ValidationException e = assertThrows(ValidationException.class, () -> GenesysRegion.parse("mars_1"));
        assertTrue(e.getMessage().startsWith("region: 'mars_1' is not a Genesys Cloud region") && e.getMessage().contains("us_east_1"), e.getMessage());
    }

    @Test
    void neitherRegionNorUrlIsAClearError() {
        ValidationException e = assertThrows(ValidationException.class, () -> GenesysEndpoints.of(" ", null));
        assertEquals("region", e.field());
    }
}
