package io.jenkins.plugins.iacjobs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void parsesTokens() {
        assertEquals(FaultPlan.none(), FaultPlan.parse("none"));
        assertEquals(FaultPlan.none(), FaultPlan.parse(""));
        assertEquals(FaultPlan.all(), FaultPlan.parse("all"));
        assertEquals(new FaultPlan(7, 5, 1, 11, 50), FaultPlan.parse("429,5xx,drop-submit,401,latency=50"));
        assertEquals(new FaultPlan(3, 0, 2, 0, 0), FaultPlan.parse(" 429=3 , DROP-SUBMIT=2 "));
        assertEquals(FaultPlan.all().withLatencyMillis(10), FaultPlan.parse("latency=10,all"));
    }

    @Test
    void roundTripsThroughToString() {
        for (FaultPlan plan : new FaultPlan[] {FaultPlan.none(), FaultPlan.all(), new FaultPlan(2, 3, 4, 5, 6)}) {
            assertEquals(plan, FaultPlan.parse(plan.toString()));
        }
    }

    @Test
    void unknownTokenIsNamedWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("429,teapot"));
        assertTrue(e.getMessage().contains("'teapot'"), e.getMessage());
        assertTrue(e.getMessage().contains("drop-submit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("429=x"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("latency=-1"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("all=3"));
    }
}
