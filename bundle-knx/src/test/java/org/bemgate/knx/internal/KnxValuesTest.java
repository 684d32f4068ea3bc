package org.bemgate.knx.internal;

import static org.bemgate.knx.internal.KnxLoopback.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.knx.CemiFrame;
import org.bemgate.simulators.knx.GroupValue;
import org.bemgate.simulators.knx.KnxIpSimulator;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Values over a real tunnel to the simulated interface: start-up reads, bus writes, actuator writes and their outcomes. */
public class KnxValuesTest {

    private static final String DATAPOINTS = "{\"sensor\": {\"1/1/1\": \"DPST-9-1\", \"1/1/2\": \"DPST-1-1\", \"1/1/3\": \"DPST-5-1\","
            + " \"1/2/3\": \"DPST-1-1\"}, \"actuator\": {\"1/2/1\": \"DPST-1-1\", \"1/2/2\": \"DPST-9-1\", \"1/2/3\": \"DPST-1-1\"}}";

    private KnxLoopback net;

    @Before
    public void setUp() throws Exception {
        net = new KnxLoopback();
    }

    @After
    public void tearDown() {
        net.close();
    }

    @Test
    public void everySensorIsReadAtStartUp() {
        net.gateway.setValue("1/1/1", GroupValue.bytes(0x07, 0x89));
        net.gateway.setValue("1/1/2", GroupValue.small(1));
        net.gateway.setValue("1/1/3", GroupValue.bytes(0x80));
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> net.latest("1/1/3") != null, "the third start-up read");
        assertEquals(19.29, net.latest("1/1/1"));
        assertEquals(true, net.latest("1/1/2"));
        assertEquals(50L, net.latest("1/1/3"));
        assertEquals(ConnectorStatus.ONLINE, c.health().status());
        List<KnxIpSimulator.Telegram> t = net.gateway.telegrams();
        assertEquals("one read per sensor, none for actuators", List.of("1/1/1", "1/1/2", "1/1/3", "1/2/3"),
                t.stream().map(KnxIpSimulator.Telegram::group).toList());
        assertTrue(t.stream().allMatch(x -> x.apci() == CemiFrame.GROUP_READ));
    }

    @Test
    public void groupWritesOnTheBusArriveAsValues() {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        net.gateway.emitGroupWrite("1/1/1", GroupValue.bytes(0x0C, 0x33));
        await(() -> net.latest("1/1/1") != null, "the bus write");
        assertEquals(21.5, net.latest("1/1/1"));
        net.gateway.emitGroupWrite("1/1/2", GroupValue.small(0));
        await(() -> Boolean.FALSE.equals(net.latest("1/1/2")), "the switch going off");
    }

    @Test
    public void actuatorWritesAreConfirmedByTheGateway() throws Exception {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        assertEquals(WriteOutcome.accepted(), net.write("1/2/1", true));
        assertEquals(GroupValue.small(1), net.gateway.value("1/2/1"));
        assertEquals(WriteOutcome.accepted(), net.write("1/2/2", -30.0));
        assertEquals(GroupValue.bytes(0x8A, 0x24), net.gateway.value("1/2/2"));
        assertEquals(2L, c.health().counters().get("writes").longValue());
    }

    @Test
    public void anAddressThatIsSensorAndActuatorIsOneActuatorThatAlsoShowsTheBus() throws Exception {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        assertEquals(WriteOutcome.accepted(), net.write("1/2/3", true));
        net.gateway.emitGroupWrite("1/2/3", GroupValue.small(0));
        await(() -> Boolean.FALSE.equals(net.latest("1/2/3")), "the bus value of the actuator");
    }

    @Test
    public void telegramsToOtherAddressesAreIgnoredAndBadOnesCountedWithoutHarm() {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> c.health().status() == ConnectorStatus.ONLINE, "ONLINE");
        net.gateway.emitGroupWrite("7/7/7", GroupValue.bytes(1, 2, 3));
        net.gateway.emitGroupWrite("1/2/1", GroupValue.small(1));
        net.gateway.emitGroupWrite("1/1/1", GroupValue.bytes(0x0C));
        net.gateway.emitGroupWrite("1/1/1", GroupValue.bytes(0x0C, 0x33, 0x00));
        net.gateway.emitGroupWrite("1/1/1", GroupValue.bytes(0x07, 0x89));
        await(() -> net.latest("1/1/1") != null, "the good value after the bad ones");
        assertEquals(19.29, net.latest("1/1/1"));
        assertEquals(2L, c.health().counters().get("decodeErrors").longValue());
        assertEquals("as BEMCom: only sensor addresses are parsed", 2L, c.health().counters().get("otherTelegrams").longValue());
        assertEquals(null, net.latest("1/2/1"));
        assertEquals(ConnectorStatus.ONLINE, c.health().status());
    }

    @Test
    public void aWriteTheGatewayDoesNotConfirmFailsAndTheTunnelStays() throws Exception {
        KnxConnector c = net.connector(DATAPOINTS);
        await(() -> c.health().counters().getOrDefault("groupReads", 0L) == 4, "the start-up reads");
        net.gateway.setConfirmations(KnxIpSimulator.Confirmations.NONE);
        long start = System.nanoTime();
        WriteOutcome o = net.write("1/2/1", true);
        System.out.println("unconfirmed write failed after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + o.reason());
        assertEquals(WriteOutcome.Status.FAILED, o.status());
        assertTrue(o.reason(), o.reason().startsWith("gateway 127.0.0.1:" + net.gateway.port() + " did not confirm the write to 1/2/1"));
        net.gateway.setConfirmations(KnxIpSimulator.Confirmations.NEGATIVE);
        o = net.write("1/2/1", true);
        System.out.println("negatively confirmed write: " + o.reason());
        assertEquals(WriteOutcome.Status.FAILED, o.status());
        assertEquals(ConnectorStatus.ONLINE, c.health().status());
        net.gateway.setConfirmations(KnxIpSimulator.Confirmations.POSITIVE);
        assertEquals(WriteOutcome.accepted(), net.write("1/2/1", false));
        assertEquals(2L, c.health().counters().get("failedWrites").longValue());
        assertEquals(1, net.gateway.connects());
    }
}
