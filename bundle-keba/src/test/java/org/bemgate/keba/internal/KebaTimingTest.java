package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.simulators.keba.KebaSimulator;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * KEBA's pauses as the connector keeps them on the wire, checked on virtual time: exact where the
 * rules alone decide the moment, so a connector that waits too long fails as well as one that rushes.
 */
public class KebaTimingTest {

    private LoopbackNetwork net;
    private KebaSimulator box;
    private KebaConnector connector;
    private long t0;

    @Before
    public void setUp() throws Exception {
        net = new LoopbackNetwork(1);
        box = net.box("127.0.0.2");
        connector = net.connector("name", "garage", "host", "127.0.0.2", "pollSeconds", 30.0);
        net.runUntil(() -> net.latest("garage", "garage__report 3__E total") != null, 10_000, "a first poll");
        t0 = sent().get(0).at();
    }

    @After
    public void tearDown() {
        net.close();
    }

    private List<CountingPort.Sent> sent() {
        return net.port.sent(box.address());
    }

    private long at(String text, int occurrence) {
        return sent().stream().filter(s -> s.text().equals(text)).skip(occurrence).findFirst()
                .orElseThrow(() -> new AssertionError(text + " #" + occurrence + " was not sent: " + sent())).at() - t0;
    }

    /** Writes without waiting, as several writers at once do, then runs until every outcome is in. */
    private List<WriteOutcome> writeAll(Object... keyValuePairs) {
        List<CompletableFuture<WriteOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            futures.add(connector.write("garage__" + keyValuePairs[i], keyValuePairs[i + 1]).toCompletableFuture());
        }
        net.runUntil(() -> futures.stream().allMatch(CompletableFuture::isDone), 60_000, "the outcomes");
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    public void aPollSendsItsReportsOneHundredMillisecondsApart() {
        assertEquals(0, at("report 1", 0));
        assertEquals(100, at("report 2", 0));
        assertEquals(200, at("report 3", 0));
    }

    @Test
    public void theSameCommandAgainWaitsFiveSecondsAndANewValueOneHundredMilliseconds() {
        List<WriteOutcome> outcomes = writeAll("curr", 16000L, "curr", 16000L, "curr", 10000L);
        assertTrue(outcomes.toString(), outcomes.stream().allMatch(WriteOutcome::isAccepted));
        assertEquals(300, at("curr 16000", 0));
        assertEquals(5300, at("curr 16000", 1));
        assertEquals(5400, at("curr 10000", 0));
        assertRulesKept();
    }

    @Test
    public void nothingGoesForTwoSecondsAfterADisable() {
        List<WriteOutcome> outcomes = writeAll("ena", 0L, "ena", 1L, "currtime", "0 1", "curr", 12000L);
        assertTrue(outcomes.toString(), outcomes.stream().allMatch(WriteOutcome::isAccepted));
        assertEquals(300, at("ena 0", 0));
        assertEquals(2300, at("ena 1", 0));
        assertEquals(2400, at("currtime 0 1", 0));
        assertEquals("currtime 0 1 stops charging too", 4400, at("curr 12000", 0));
        assertRulesKept();
    }

    @Test
    public void writesGoAheadOfPollsAndPollsWaitTheirTurn() {
        net.runFor(29_950 - (net.time.now() - t0));
        // the second poll is due in 50 ms; the writes came first and keep their order
        List<WriteOutcome> outcomes = writeAll("display", "one", "display", "two", "display", "three");
        assertTrue(outcomes.toString(), outcomes.stream().allMatch(WriteOutcome::isAccepted));
        assertEquals(29_950, at("display 0 0 0 0 one", 0));
        assertEquals(30_050, at("display 0 0 0 0 two", 0));
        assertEquals(30_150, at("display 0 0 0 0 three", 0));
        net.runFor(1000);
        // report 2, asked for by the first accepted write, was queued before the poll's report 1
        assertEquals("the polls after them", 30_250, at("report 2", 1));
        assertEquals(30_350, at("report 1", 1));
        assertEquals(30_450, at("report 3", 1));
        assertRulesKept();
    }

    @Test
    public void aBusySessionKeepsEveryRule() {
        for (int round = 0; round < 5; round++) {
            writeAll("ena", 0L, "curr", 6000L + round * 1000, "ena", 1L, "setenergy", 1000L * round, "curr", 6000L + round * 1000,
                    "currtime", "0 1", "ena", 1L, "output", (long) round % 2);
            box.plugIn();
            box.unplug();
            net.runFor(7000);
        }
        assertTrue(sent().size() + " commands", sent().size() >= 5 * 8 + 5);
        assertRulesKept();
    }

    /** The three rules over everything sent: 100 ms between any two, 5 s between equal ones, 2 s after a disable. */
    private void assertRulesKept() {
        List<CountingPort.Sent> log = sent();
        for (int i = 1; i < log.size(); i++) {
            CountingPort.Sent before = log.get(i - 1);
            CountingPort.Sent now = log.get(i);
            assertTrue(before + " then " + now, now.at() - before.at() >= CommandGate.UDP_PAUSE_MILLIS);
            boolean disabling = before.text().equals("ena 0") || before.text().matches("currtime 0 [1-9][0-9]*");
            assertTrue(before + " then " + now, !disabling || now.at() - before.at() >= CommandGate.DIS_PAUSE_MILLIS);
            for (int j = 0; j < i; j++) {
                CountingPort.Sent earlier = log.get(j);
                assertTrue(earlier + " and " + now, !earlier.text().equals(now.text())
                        || now.at() - earlier.at() >= CommandGate.COM_PAUSE_MILLIS);
            }
        }
    }
}
