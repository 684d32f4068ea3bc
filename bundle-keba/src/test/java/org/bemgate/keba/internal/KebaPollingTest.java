package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.keba.internal.codec.KebaKeys;
import org.bemgate.simulators.keba.KebaSimulator;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Polling against the simulated P30 over loopback: every field, state messages, partial answers, noise. */
public class KebaPollingTest {

    private LoopbackNetwork net;
    private KebaSimulator box;
    private KebaConnector connector;

    @Before
    public void setUp() throws Exception {
        net = new LoopbackNetwork(1);
        box = net.box("127.0.0.2");
    }

    @After
    public void tearDown() {
        net.close();
    }

    private void start(Object... more) {
        Object[] props = new Object[more.length + 4];
        props[0] = "name";
        props[1] = "garage";
        props[2] = "host";
        props[3] = "127.0.0.2";
        System.arraycopy(more, 0, props, 4, more.length);
        connector = net.connector(props);
    }

    private Object latest(String key) {
        return net.latest("garage", key);
    }

    private long sends(String text) {
        return net.port.sent(box.address()).stream().filter(s -> s.text().equals(text)).count();
    }

    private void firstPoll() {
        net.runUntil(() -> latest("garage__report 3__E total") != null, 10_000, "a first poll");
    }

    @Test
    public void everyFieldOfReportsOneTwoAndThreeArrivesUnderBemcomsKey() {
        start();
        firstPoll();
        assertEquals(List.of("report 1", "report 2", "report 3"), box.commands());
        assertSameFields(1, box.wallbox().report1());
        assertSameFields(2, box.wallbox().report2());
        assertSameFields(3, box.wallbox().report3());
        assertEquals("JSON types are kept: the serial stays a string", "22054282", latest("garage__report 1__Serial"));
        assertEquals("2", latest("garage__report 2__ID"));
        assertEquals(ConnectorStatus.ONLINE, connector.health().status());
        assertTrue(connector.health().lastGoodExchange() > 0);
        assertEquals(3L, connector.health().counters().get("commands").longValue());
    }

    @Test
    public void sensorsCarryDataFormatAndTheWiresUnitAndArriveInactive() {
        start();
        firstPoll();
        DatapointMetadata pres = net.metadata("garage", "garage__report 3__E pres");
        assertEquals(DataFormat.GENERIC_NUMERIC, pres.dataFormat());
        assertEquals("0.1 Wh", pres.unit());
        assertEquals(0L, pres.exampleValue());
        assertEquals("mW", net.metadata("garage", "garage__report 3__P").unit());
        assertEquals("mA", net.metadata("garage", "garage__report 3__I1").unit());
        assertEquals("V", net.metadata("garage", "garage__report 3__U2").unit());
        assertEquals("0.1 %", net.metadata("garage", "garage__report 2__Max curr %").unit());
        assertEquals(DataFormat.GENERIC_TEXT, net.metadata("garage", "garage__report 1__Firmware").dataFormat());
        assertFalse(net.registry.get(DatapointId.of("garage", "garage__report 3__E pres")).get().active());
        assertFalse(net.registry.get(DatapointId.of("garage", "garage__ena")).get().active());
    }

    @Test
    public void datapointsListedAsActiveOnFirstSightAreActivated() {
        start("activeDatapoints", new String[] { "garage__report 3__E pres, garage__curr" });
        firstPoll();
        assertTrue(net.registry.get(DatapointId.of("garage", "garage__report 3__E pres")).get().active());
        assertTrue(net.registry.get(DatapointId.of("garage", "garage__curr")).get().active());
        assertFalse(net.registry.get(DatapointId.of("garage", "garage__report 3__E total")).get().active());
    }

    @Test
    public void pollsAgainEveryPollInterval() {
        start();
        net.runFor(20_000);
        List<Long> times = net.port.sent(box.address()).stream().filter(s -> s.text().equals("report 1")).map(CountingPort.Sent::at)
                .toList();
        assertEquals("polls at 0, 5, 10, 15 and 20 s", 5, times.size());
        for (int i = 1; i < times.size(); i++) {
            assertEquals(5000, times.get(i) - times.get(i - 1));
        }
    }

    @Test
    public void stateMessagesUpdateValuesAtOnceWithoutAPoll() {
        start();
        firstPoll();
        long polled = box.received();
        box.plugIn();
        net.settle();
        assertEquals(7L, latest("garage__report 2__Plug"));
        assertEquals(2L, latest("garage__report 2__State"));
        assertEquals(32000L, latest("garage__report 2__Max curr"));
        box.startCharging();
        net.settle();
        assertEquals(3L, latest("garage__report 2__State"));
        box.tick(60);
        net.settle();
        // 230 V × 32 A × 3 phases for a minute: 368 Wh
        assertEquals(3680L, latest("garage__report 3__E pres"));
        assertEquals("nothing was polled meanwhile", polled, box.received());
        assertEquals(5L, connector.health().counters().get("stateMessages").longValue());
    }

    @Test
    public void aStationAnsweringOnlyReportOneStaysInServiceAndKeepsItsOtherValues() {
        start();
        firstPoll();
        box.setMode(KebaSimulator.Mode.REPORT_1_ONLY);
        net.runUntil(() -> connector.health().status() == ConnectorStatus.DEGRADED, 20_000, "DEGRADED");
        net.runFor(200_000);
        assertEquals(ConnectorStatus.DEGRADED, connector.health().status());
        assertTrue(connector.health().reason(), connector.health().reason()
                .startsWith("answers report 1 but not report 2, report 3; their datapoints keep their last values"));
        assertTrue(connector.health().reason(), connector.health().reason().endsWith("asked only every 10th poll"));
        assertEquals("the last value before", 63000L, latest("garage__report 2__Curr user"));
        // Missed three times in a row, report 2 is then asked only every 10th poll.
        long polls = sends("report 1");
        long missed = sends("report 2") - 1;
        assertTrue(polls + " polls", polls >= 30);
        assertTrue(missed + " of " + polls, missed >= 3 + polls / 10 - 1 && missed <= 3 + polls / 10 + 1);

        box.setMode(KebaSimulator.Mode.NORMAL);
        net.runUntil(() -> connector.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE at the next asking poll");
    }

    @Test
    public void garbledDatagramsAreCountedAndIgnored() {
        start();
        firstPoll();
        box.sendRaw("#&!garbage");
        box.sendRaw("{\"ID\":\"2\",\"State\"");
        box.sendRaw("{\"State\": 3");
        net.settle();
        assertEquals(3L, connector.health().counters().get("garbledDatagrams").longValue());
        assertEquals(ConnectorStatus.ONLINE, connector.health().status());
        assertEquals("no value taken from them", 1L, latest("garage__report 2__State"));

        long before = box.received();
        box.setGarbleReplies(true);
        net.runUntil(() -> connector.health().reason().startsWith("no answer to report 1, report 2, report 3"), 60_000,
                "every report unanswered");
        assertEquals(ConnectorStatus.DEGRADED, connector.health().status());
        assertEquals("every cut reply is counted, and none is an answer", 3 + box.received() - before,
                connector.health().counters().get("garbledDatagrams").longValue());
        assertTrue("one per report at least", connector.health().counters().get("timeouts") >= 3);
        net.runUntil(() -> connector.health().status() == ConnectorStatus.OFFLINE, 60_000, "OFFLINE: garbage is no answer");
        box.setGarbleReplies(false);
        net.runUntil(() -> connector.health().status() == ConnectorStatus.ONLINE, 30_000, "ONLINE again");
    }

    @Test
    public void anAcceptedWriteIsFollowedByReportTwoToShowItsEffect() {
        start("pollSeconds", 30.0);
        firstPoll();
        net.runFor(10_000);
        assertTrue(net.write("garage", "garage__curr", 16000L).isAccepted());
        net.runUntil(() -> Long.valueOf(16000).equals(latest("garage__report 2__Curr user")), 1000,
                "Curr user 16000 long before the next poll");
        assertEquals(List.of("curr 16000", "report 2"), box.commands().subList(3, 5));
    }

    private void assertSameFields(int report, Map<String, Object> expected) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object actual = latest(KebaKeys.sensor("garage", report, e.getKey()));
            Object want = e.getValue() instanceof Number n ? (Object) n.longValue() : e.getValue();
            assertEquals("report " + report + " " + e.getKey(), want, actual);
        }
        assertNull("nothing under a wrong report", latest(KebaKeys.sensor("garage", report, "no such field")));
    }
}
