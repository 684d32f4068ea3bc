package org.bemgate.lemdcbm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.lemdcbm.LemDcbmSimulator.Fault;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Start-up: the meter id from /v1/status with the configured retries, without blocking activation. */
public class LemDcbmStartupTest {

    private MeterBench bench;

    @Before
    public void setUp() throws Exception {
        bench = new MeterBench();
    }

    @After
    public void tearDown() {
        bench.close();
    }

    @Test
    public void activationSendsNothingAndTheFirstTaskReadsTheMeterId() {
        LemDcbmConnector c = bench.connector();
        assertEquals("activation waits for nothing", 0, bench.sim.requests().size());
        assertEquals(ConnectorStatus.STARTING, c.health().status());
        bench.time.runDue();
        assertEquals(ConnectorStatus.ONLINE, c.health().status());
        assertEquals("GET /v1/status", bench.sim.requests().get(0));
        assertEquals("12024072805", bench.latest(MeterDatapoints.METER_ID));
        assertEquals("1.2.3.4", bench.latest(MeterDatapoints.FIRMWARE));
        assertEquals(bench.sim.meter().publicKeyOcmf(), bench.latest(MeterDatapoints.PUBLIC_KEY_OCMF));
        assertEquals(false, bench.latest(MeterDatapoints.TRANSACTION_RUNNING));
    }

    @Test
    public void aMeterNotReadyYetIsRetriedEveryTenSecondsByDefault() {
        bench.sim.fail(Fault.NOT_READY, 3);
        LemDcbmConnector c = bench.connector();
        long t0 = bench.time.now();
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        String reason = c.health().reason();
        assertTrue(reason, reason.startsWith("cannot read the meter id: GET /v1/status: HTTP 503"));
        assertTrue(reason, reason.endsWith("(attempt 1 of 26, next in 10 s)"));
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE");
        assertEquals("three refusals, then the fourth attempt 30 s later", 30_000, bench.time.now() - t0);
        assertEquals(4, bench.requests("GET /v1/status"));
        assertEquals("", c.health().reason());
        assertEquals(3L, c.health().counters().get("httpErrors").longValue());
    }

    @Test
    public void afterTheRetriesItStaysOfflineAndTriesEveryMinute() {
        bench.sim.fail(Fault.INVALID_JSON, 5);
        LemDcbmConnector c = bench.connector("initialConnectionRetries", 2, "initialConnectionRetryDelay", 1_000);
        bench.runFor(2_000);
        assertEquals(3, bench.requests("GET /v1/status"));
        String reason = c.health().reason();
        assertTrue(reason, reason.contains("invalid answer: not valid JSON"));
        assertTrue(reason, reason.endsWith("(3 attempts failed; trying again every 60 s)"));
        assertEquals(3L, c.health().counters().get("invalidReplies").longValue());

        bench.runFor(59_999);
        assertEquals("nothing before the minute is up", 3, bench.requests("GET /v1/status"));
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 120_000, "ONLINE");
        assertEquals("two more invalid answers, then the meter id", 6, bench.requests("GET /v1/status"));
        WriteOutcome w = bench.write(MeterDatapoints.START, "tx-1");
        assertTrue(w.reason(), w.isAccepted());
    }

    @Test
    public void aWriteBeforeTheMeterAnsweredFailsWithTheReason() {
        bench.sim.fail(Fault.HTTP_500, 100);
        LemDcbmConnector c = bench.connector();
        bench.time.runDue();
        WriteOutcome w = bench.write(MeterDatapoints.START, "tx-1");
        assertEquals(WriteOutcome.Status.FAILED, w.status());
        assertTrue(w.reason(), w.reason().startsWith("the meter has not given its id yet: cannot read the meter id: GET /v1/status: HTTP 500"));
        assertEquals(0, bench.requests("POST"));
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
    }
}
