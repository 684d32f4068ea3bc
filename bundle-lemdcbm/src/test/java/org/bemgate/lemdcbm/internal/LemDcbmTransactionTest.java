package org.bemgate.lemdcbm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.lemdcbm.LemDcbmSimulator.Fault;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Legal transactions through the two actuators: start, stop, the OCMF record, retries and clear failures. */
public class LemDcbmTransactionTest {

    private MeterBench bench;
    private LemDcbmConnector c;

    @Before
    public void setUp() throws Exception {
        bench = new MeterBench();
        c = bench.connector("evseId", "DE*BEM*E0001", "cableId", 2);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 1_000, "ONLINE");
    }

    @After
    public void tearDown() {
        bench.close();
    }

    private List<String> legalRequests() {
        return bench.sim.requests().stream().filter(r -> r.contains("/v1/legal") || r.contains("/v1/ocmf")).toList();
    }

    @Test
    public void aFullTransactionPublishesItsOcmfRecordAndKeepsItInHistory() {
        WriteOutcome start = bench.write(MeterDatapoints.START, "{\"transactionId\": \"tx-42\", \"identificationData\": \"04A1B2C3\"}");
        assertTrue(start.reason(), start.isAccepted());
        assertTrue(bench.sim.meter().transactionRunning());
        assertEquals("tx-42", bench.latest(MeterDatapoints.TRANSACTION_ID));
        assertEquals(true, bench.latest(MeterDatapoints.TRANSACTION_RUNNING));
        bench.runFor(60_000);

        WriteOutcome stop = bench.write(MeterDatapoints.STOP, "");
        assertTrue(stop.reason(), stop.isAccepted());
        assertFalse(bench.sim.meter().transactionRunning());
        assertEquals(List.of("POST /v1/legal", "PUT /v1/legal?transactionId=tx-42", "GET /v1/ocmf?transactionId=tx-42"), legalRequests());
        String ocmf = (String) bench.latest(MeterDatapoints.OCMF);
        assertTrue(ocmf, ocmf.startsWith("OCMF|{\"FV\":\"1.0\""));
        assertTrue("the identification and id as clientId: " + ocmf, ocmf.contains("\"ID\":\"04A1B2C3,tx-42\""));
        assertTrue("active from the start, so historised", bench.registry.get(DatapointId.of("meter", MeterDatapoints.OCMF)).orElseThrow().active());
        assertEquals("", bench.latest(MeterDatapoints.TRANSACTION_ID));
        assertEquals(false, bench.latest(MeterDatapoints.TRANSACTION_RUNNING));
        assertEquals(1L, c.health().counters().get("transactionsStarted").longValue());
        assertEquals(1L, c.health().counters().get("transactionsStopped").longValue());
    }

    @Test
    public void aStartIsRetriedAfterAnHttpErrorWithTheConfiguredPause() {
        bench.sim.fail(Fault.HTTP_500, 2, "/v1/legal");
        long t0 = bench.time.now();
        WriteOutcome start = bench.write(MeterDatapoints.START, "tx-1");
        assertTrue(start.reason(), start.isAccepted());
        assertEquals("two pauses of 250 ms", 500, bench.time.now() - t0);
        assertEquals(3, bench.requests("POST /v1/legal"));
        assertEquals(2L, c.health().counters().get("retries").longValue());
    }

    @Test
    public void aStartTheMeterRefusesIsRejectedWithItsAnswer() {
        assertTrue(bench.write(MeterDatapoints.START, "tx-1").isAccepted());
        WriteOutcome second = bench.write(MeterDatapoints.START, "tx-2");
        assertEquals(WriteOutcome.Status.REJECTED, second.status());
        assertEquals("the meter did not start transaction 'tx-2' after 4 attempts: POST /v1/legal: HTTP 409 "
                + "{\"error\":\"transaction tx-1 is running\"}", second.reason());
        assertEquals("tx-1", bench.latest(MeterDatapoints.TRANSACTION_ID));
    }

    @Test
    public void aStartOrStopThatNeverGetsThroughFailsAfterFourAttempts() {
        bench.sim.fail(Fault.INVALID_JSON, 4, "/v1/legal");
        WriteOutcome w = bench.write(MeterDatapoints.START, "tx-1");
        assertEquals(WriteOutcome.Status.FAILED, w.status());
        assertTrue("a start answers 201, so a broken 200 is no start: " + w.reason(),
                w.reason().startsWith("the meter did not start transaction 'tx-1' after 4 attempts: POST /v1/legal: HTTP 200 {\"meterId\""));
        assertEquals(false, bench.latest(MeterDatapoints.TRANSACTION_RUNNING));
        assertEquals(1L, c.health().counters().get("failedWrites").longValue());

        assertTrue(bench.write(MeterDatapoints.START, "tx-1").isAccepted());
        bench.sim.fail(Fault.INVALID_JSON, 4, "/v1/legal");
        WriteOutcome stop = bench.write(MeterDatapoints.STOP, "tx-1");
        assertEquals(WriteOutcome.Status.FAILED, stop.status());
        assertTrue(stop.reason(), stop.reason().startsWith("the meter did not stop transaction 'tx-1' after 4 attempts: "
                + "PUT /v1/legal?transactionId=tx-1: invalid answer: not valid JSON"));
        assertEquals("still running as far as the gateway knows", true, bench.latest(MeterDatapoints.TRANSACTION_RUNNING));
    }

    @Test
    public void aStoppedTransactionWhoseRecordCannotBeReadSaysSo() {
        assertTrue(bench.write(MeterDatapoints.START, "tx-1").isAccepted());
        bench.sim.fail(Fault.HTTP_500, 4, "/v1/ocmf");
        WriteOutcome stop = bench.write(MeterDatapoints.STOP, "tx-1");
        assertEquals(WriteOutcome.Status.FAILED, stop.status());
        assertTrue(stop.reason(), stop.reason().startsWith("transaction 'tx-1' is stopped, but its OCMF record cannot be read: "
                + "GET /v1/ocmf?transactionId=tx-1: HTTP 500"));
        assertEquals("no silent empty record", null, bench.latest(MeterDatapoints.OCMF));
        assertEquals(false, bench.latest(MeterDatapoints.TRANSACTION_RUNNING));
        assertEquals(1L, c.health().counters().get("missingOcmf").longValue());
    }

    @Test
    public void badStartsAndStopsAreRejectedWithoutARequest() {
        assertEquals("transactionStart: \"tariffId\" must be a whole number, 0 or more",
                bench.outcome(c.write(MeterDatapoints.START, "{\"transactionId\": \"t\", \"tariffId\": -1}")).reason());
        assertEquals("transactionStop: no id given and no transaction is known to run", bench.write(MeterDatapoints.STOP, "").reason());
        assertEquals("'meterId' is not an actuator of meter", bench.outcome(c.write("meterId", "x")).reason());
        assertEquals(0, legalRequests().size());
        WriteOutcome unknown = bench.write(MeterDatapoints.STOP, "tx-9");
        assertEquals(WriteOutcome.Status.REJECTED, unknown.status());
        assertTrue(unknown.reason(), unknown.reason().contains("HTTP 404"));
    }
}
