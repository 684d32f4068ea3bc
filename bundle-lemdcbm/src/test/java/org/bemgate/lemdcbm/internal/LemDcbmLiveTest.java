package org.bemgate.lemdcbm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.lemdcbm.LemDcbmSimulator.Fault;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Live values: polled once a second, in W and Wh; a failing meter is OFFLINE with a growing pause and comes back by itself. */
public class LemDcbmLiveTest {

    private MeterBench bench;
    private LemDcbmConnector c;

    @Before
    public void setUp() throws Exception {
        bench = new MeterBench();
        c = bench.connector("timeoutMillis", 500);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 1_000, "ONLINE");
    }

    @After
    public void tearDown() {
        bench.close();
    }

    @Test
    public void valuesArePolledOnceASecondInWattsAndWattHours() {
        bench.runFor(10_000);
        assertEquals("at start-up, then once a second", 11, bench.requests("GET /v1/livemeasure"));
        assertEquals("idle: no power", 0.0, bench.latest("power"));
        assertEquals("188.977 kWh", 188_977.0, (Double) bench.latest("energyImportTotal"), 1e-6);
        assertEquals(0.0, bench.latest("energyExportTotal"));
        assertEquals(31.5, bench.latest("temperatureH"));
        assertTrue(bench.latest("timestamp").toString().startsWith("2026-03-01T10:00"));
        assertEquals("W", bench.registry.get(DatapointId.of("meter", "power")).orElseThrow().metadata().unit());

        assertTrue(bench.write(MeterDatapoints.START, "tx-1").isAccepted());
        bench.runFor(3_000);
        double power = (Double) bench.latest("power");
        assertTrue("about 48 kW while charging, in W: " + power, power > 40_000 && power < 60_000);
        assertTrue((Double) bench.latest("energyImportTotal") > 188_977.0);
        double voltage = (Double) bench.latest("voltage");
        assertTrue("V as the meter gives it: " + voltage, voltage > 390 && voltage < 410);
        assertEquals(power / voltage, (Double) bench.latest("current"), 1.0);
    }

    @Test
    public void httpErrorsAndInvalidBodiesMakeItOfflineWithGrowingPausesThenItRecovers() {
        bench.sim.fail(Fault.HTTP_500, 3);
        long before = bench.requests("GET /v1/livemeasure");
        bench.runUntil(() -> c.health().status() == ConnectorStatus.OFFLINE, 5_000, "OFFLINE");
        assertTrue(c.health().reason(), c.health().reason().startsWith("cannot read live values: GET /v1/livemeasure: HTTP 500"));
        assertTrue(c.health().reason(), c.health().reason().endsWith("(next attempt in 2 s)"));
        long t0 = bench.time.now();
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE again");
        assertEquals("pauses of 2, 4 and 8 s after the three failures", 14_000, bench.time.now() - t0);
        assertEquals(before + 4, bench.requests("GET /v1/livemeasure"));
        assertEquals(3L, c.health().counters().get("errors").longValue());

        bench.sim.fail(Fault.INVALID_JSON, 1);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.OFFLINE, 5_000, "OFFLINE");
        assertTrue(c.health().reason(), c.health().reason().contains("GET /v1/livemeasure: invalid answer: not valid JSON"));
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 5_000, "ONLINE again");
    }

    @Test
    public void aSlowMeterTimesOut() {
        bench.sim.answerDelay(1_500);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.OFFLINE, 5_000, "OFFLINE");
        assertTrue(c.health().reason(), c.health().reason().startsWith("cannot read live values: GET /v1/livemeasure: no answer within 500 ms"));
        bench.sim.answerDelay(0);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 5_000, "ONLINE again");
    }

    @Test
    public void aStoppedMeterIsUnreachable() {
        bench.sim.close();
        bench.runUntil(() -> c.health().status() == ConnectorStatus.OFFLINE, 5_000, "OFFLINE");
        assertTrue(c.health().reason(), c.health().reason().contains("GET /v1/livemeasure: cannot reach http://127.0.0.1:"));
    }
}
