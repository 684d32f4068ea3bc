package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.keba.internal.udp.UdpPortOwner;
import org.bemgate.simulators.keba.KebaSimulator;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.bemgate.testsupport.VirtualTime;
import org.bemgate.testsupport.FreePorts;

/** A station that stops answering: OFFLINE after the timeouts in a row, retried with growing pauses, back on its first answer. */
public class KebaOfflineTest {

    private LoopbackNetwork net;
    private KebaSimulator box;
    private KebaConnector connector;

    @Before
    public void setUp() throws Exception {
        net = new LoopbackNetwork(1);
        box = net.box("127.0.0.2");
        connector = net.connector("name", "garage", "host", "127.0.0.2", "timeoutSeconds", 2.0, "maxTimeouts", 3);
        net.runUntil(() -> connector.health().status() == ConnectorStatus.ONLINE, 10_000, "ONLINE");
    }

    @After
    public void tearDown() {
        net.close();
    }

    private ConnectorStatus status() {
        return connector.health().status();
    }

    /** The times report 1 went out after {@code from}. */
    private List<Long> reportOnesAfter(long from) {
        return net.port.sent(box.address()).stream().filter(s -> s.text().equals("report 1") && s.at() > from)
                .map(CountingPort.Sent::at).toList();
    }

    private long goSilentUntilOffline() {
        box.setMode(KebaSimulator.Mode.SILENT);
        net.runUntil(() -> status() == ConnectorStatus.OFFLINE, 60_000, "OFFLINE");
        return net.time.now();
    }

    @Test
    public void aSilentStationIsOfflineAfterItsTimeoutsInARowAndWritesFailAtOnce() {
        long since = net.time.now();
        goSilentUntilOffline();
        assertEquals(3L, connector.health().counters().get("timeouts").longValue());
        String reason = connector.health().reason();
        assertTrue(reason, reason.startsWith("no answer to 3 commands in a row (last: no answer to 'report"));
        assertTrue(reason, reason.contains("within 2 s"));
        assertTrue(reason, reason.endsWith("next attempt in 5 s"));
        assertTrue("three in a row, not five in total: two polls at most", reportOnesAfter(since).size() <= 2);

        long commands = box.received();
        WriteOutcome w = net.write("garage", "garage__curr", 16000L);
        assertEquals(WriteOutcome.Status.FAILED, w.status());
        assertTrue(w.reason(), w.reason().startsWith("station 'garage' is OFFLINE: no answer to 3 commands in a row"));
        assertEquals("nothing sent for it", commands, box.received());
    }

    @Test
    public void probesComeAfterPausesThatDoubleUpToFiveMinutes() {
        long offline = goSilentUntilOffline();
        net.runFor(3_000_000);
        List<Long> probes = reportOnesAfter(offline);
        assertTrue(probes.toString(), probes.size() > 8);
        // each probe waits 2 s for its answer; then the pause, 5 s doubling
        assertEquals(5_000, probes.get(0) - offline);
        long pause = 5_000;
        for (int i = 1; i < probes.size(); i++) {
            pause = Math.min(300_000, pause * 2);
            assertEquals("probe " + i, 2_000 + pause, probes.get(i) - probes.get(i - 1));
        }
        assertEquals(ConnectorStatus.OFFLINE, status());
        assertTrue(connector.health().reason(), connector.health().reason().endsWith("next attempt in 300 s"));
    }

    @Test
    public void theFirstAnswerBringsItBackAndPollingResumes() {
        goSilentUntilOffline();
        net.runFor(60_000);
        box.plugIn(); // unannounced: the box is silent
        box.setMode(KebaSimulator.Mode.NORMAL);
        net.runUntil(() -> status() == ConnectorStatus.ONLINE, 320_000, "ONLINE again");
        assertEquals("", connector.health().reason());
        net.runUntil(() -> Long.valueOf(7).equals(net.latest("garage", "garage__report 2__Plug")), 10_000, "a full poll");
        assertTrue(net.write("garage", "garage__curr", 16000L).isAccepted());

        // gone again: the pause starts from the beginning, not where it was
        long offline = goSilentUntilOffline();
        net.runFor(10_000);
        assertEquals(5_000, reportOnesAfter(offline).get(0) - offline);
    }

    @Test
    public void aPortHeldByAnotherProgramIsTheReasonStationsGiveForBeingOffline() throws Exception {
        int port = FreePorts.on("127.0.0.1");
        VirtualTime time = new VirtualTime();
        DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            UdpPortOwner owner = new UdpPortOwner("127.0.0.1", port);
            KebaConnector c = new KebaConnector(registry, owner, TestConfigs.config("name", "garage", "host", "127.0.0.2"),
                    time.newScheduler(), System::currentTimeMillis);
            try {
                for (int i = 0; i < 100 && c.health().status() != ConnectorStatus.OFFLINE; i++) {
                    time.runDue();
                    time.advanceToNext(Long.MAX_VALUE);
                }
                assertEquals(ConnectorStatus.OFFLINE, c.health().status());
                assertTrue(c.health().reason(), c.health().reason().contains("cannot send 'report")
                        && c.health().reason().contains("is not bound"));
                assertFalse("a send that fails needs no timeout", c.health().counters().containsKey("timeouts"));
            } finally {
                c.close();
                owner.close();
                registry.close();
            }
        }
    }
}
