package org.bemgate.lemdcbm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.bemgate.core.api.connector.ConnectorStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The meter's time against the simulator, on virtual time: 2 minutes of no settings, then the rules with and without NTP. */
public class LemDcbmTimeSyncTest {

    private static final long DAY = 86_400_000L;

    private MeterBench bench;
    private long started;

    @Before
    public void setUp() throws Exception {
        bench = new MeterBench();
    }

    @After
    public void tearDown() {
        bench.close();
    }

    private LemDcbmConnector start(Object... properties) {
        started = bench.time.now();
        LemDcbmConnector c = bench.connector(properties);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 1_000, "ONLINE");
        return c;
    }

    private List<Map<String, Object>> writes() {
        return bench.sim.meter().settingsWrites();
    }

    private List<String> requestsFrom(int index) {
        List<String> all = bench.sim.requests().stream().filter(r -> !r.startsWith("GET /v1/livemeasure")).toList();
        return all.subList(index, all.size());
    }

    @Test
    public void withoutNtpTheTimeIsSetAfterTwoMinutesThenDaily() {
        LemDcbmConnector c = start("pollMillis", 60_000);
        bench.runFor(119_000);
        assertEquals("nothing in the first 2 minutes", 0, bench.requests("PUT /v1/settings"));
        bench.runFor(1_000);
        assertEquals(3, writes().size());
        assertEquals(Map.of("utc", "2026-03-01T10:02:00.000Z"), writes().get(0).get("time"));
        assertEquals(Map.of("tz", "+00:00"), writes().get(1).get("time"));
        assertTrue(((Map<?, ?>) writes().get(2).get("time")).containsKey("dst"));
        assertEquals(started + 120_000, bench.time.now());

        bench.runFor(DAY - 1_000);
        assertEquals("not again within the day", 3, writes().size());
        bench.runFor(1_000);
        assertEquals("again after 24 h", 6, writes().size());
        assertEquals(Map.of("utc", "2026-03-02T10:02:00.000Z"), writes().get(3).get("time"));
        assertEquals(2L, c.health().counters().get("timeSyncs").longValue());
    }

    @Test
    public void withoutNtpEachStartAfterTheFirstTwoMinutesSetsTheTimeFirst() {
        start();
        int before = bench.sim.requests().stream().filter(r -> !r.startsWith("GET /v1/livemeasure")).toList().size();
        assertTrue(bench.write(MeterDatapoints.START, "early").isAccepted());
        assertTrue(bench.write(MeterDatapoints.STOP, "early").isAccepted());
        assertEquals("no settings in the first 2 minutes, not even for a start",
                List.of("POST /v1/legal", "PUT /v1/legal?transactionId=early", "GET /v1/ocmf?transactionId=early"), requestsFrom(before));

        bench.runFor(150_000);
        int mark = bench.sim.requests().stream().filter(r -> !r.startsWith("GET /v1/livemeasure")).toList().size();
        assertTrue(bench.write(MeterDatapoints.START, "late").isAccepted());
        assertEquals(List.of("PUT /v1/settings", "PUT /v1/settings", "PUT /v1/settings", "POST /v1/legal"), requestsFrom(mark));
    }

    @Test
    public void aRefusedSyncIsRetriedEveryMinute() {
        LemDcbmConnector c = start("pollMillis", 10_000);
        assertTrue(bench.write(MeterDatapoints.START, "tx-1").isAccepted());
        bench.runFor(120_000);
        assertEquals("the meter refuses settings during a transaction", 1L, c.health().counters().get("failedTimeSyncs").longValue());
        bench.runFor(59_000);
        assertEquals(1L, c.health().counters().get("failedTimeSyncs").longValue());
        bench.runFor(1_000);
        assertEquals(2L, c.health().counters().get("failedTimeSyncs").longValue());
        assertTrue(bench.write(MeterDatapoints.STOP, "tx-1").isAccepted());
        bench.runFor(60_000);
        assertEquals(3, writes().size());
        assertEquals(1L, c.health().counters().get("timeSyncs").longValue());
        assertEquals("the connector stays ONLINE: time sync is not a live value", ConnectorStatus.ONLINE, c.health().status());
    }

    @Test
    public void withNtpTheServersAreSetOnceAndStartsSetNothing() {
        start("pollMillis", 60_000, "ntpServer1", "10.0.0.1", "ntpServer2", "ntp.example.org", "ntpServer2Port", 1123);
        bench.runFor(60_000);
        assertEquals(0, writes().size());
        bench.runFor(60_000);
        assertEquals(3, writes().size());
        assertEquals(Map.of("servers", List.of(Map.of("ipAddress", "10.0.0.1", "port", 123L), Map.of("ipAddress", "ntp.example.org",
                "port", 1123L)), "syncPeriod", 120L, "ntpActivated", true), writes().get(0).get("ntp"));
        assertEquals(Map.of("tz", "+00:00"), writes().get(1).get("time"));

        bench.runFor(2 * DAY);
        int mark = bench.sim.requests().stream().filter(r -> !r.startsWith("GET /v1/livemeasure")).toList().size();
        assertTrue(bench.write(MeterDatapoints.START, "tx-1").isAccepted());
        assertEquals("never again, and not before a start", 3, writes().size());
        assertEquals(List.of("POST /v1/legal"), requestsFrom(mark));
    }
}
