package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.keba.KebaSimulator;
import org.bemgate.simulators.keba.Wallbox;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Two stations behind the one UDP port: in one connector with BEMCom's JSON, and in two connectors. */
public class KebaTwoStationsTest {

    private static final String BOTH = "{\"p30_garage\": \"127.0.0.2\", \"p30_carport\": \"127.0.0.3\"}";

    private LoopbackNetwork net;
    private KebaSimulator garage;
    private KebaSimulator carport;

    @Before
    public void setUp() throws Exception {
        net = new LoopbackNetwork(2);
        garage = net.box("127.0.0.2", new Wallbox("1111", true));
        carport = net.box("127.0.0.3", new Wallbox("2222", true));
    }

    @After
    public void tearDown() {
        net.close();
    }

    private Object latest(String key) {
        return net.latest("keba", key);
    }

    private void bothPolled() {
        net.runUntil(() -> latest("p30_garage__report 3__Serial") != null && latest("p30_carport__report 3__Serial") != null, 10_000,
                "both stations polled");
    }

    @Test
    public void eachStationsRepliesLandUnderItsOwnKeys() {
        KebaConnector c = net.connector("name", "keba", "chargeStations", BOTH);
        bothPolled();
        assertEquals("1111", latest("p30_garage__report 1__Serial"));
        assertEquals("2222", latest("p30_carport__report 1__Serial"));
        assertEquals("2222", latest("p30_carport__report 3__Serial"));
        assertEquals("the pauses are per station: both polls start together",
                net.port.sent(garage.address()).get(0).at(), net.port.sent(carport.address()).get(0).at());

        assertTrue(net.write("keba", "p30_carport__curr", 10000L).isAccepted());
        assertEquals(10000, carport.wallbox().currUser());
        assertEquals(63000, garage.wallbox().currUser());

        garage.plugIn();
        net.settle();
        assertEquals(7L, latest("p30_garage__report 2__Plug"));
        assertEquals(0L, latest("p30_carport__report 2__Plug"));
        assertEquals(ConnectorStatus.ONLINE, c.health().status());
    }

    @Test
    public void oneSilentStationDegradesTheConnectorAndTheOtherCarriesOn() {
        KebaConnector c = net.connector("name", "keba", "chargeStations", BOTH);
        bothPolled();
        carport.setMode(KebaSimulator.Mode.SILENT);
        net.runUntil(() -> c.health().reason().startsWith("p30_carport OFFLINE"), 60_000, "the carport OFFLINE");
        assertEquals(ConnectorStatus.DEGRADED, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().startsWith("p30_carport OFFLINE: no answer to 5 commands in a row"));
        assertTrue(net.write("keba", "p30_garage__ena", 0L).isAccepted());
        assertEquals(WriteOutcome.Status.FAILED, net.write("keba", "p30_carport__ena", 0L).status());
        garage.plugIn();
        net.settle();
        assertEquals(7L, latest("p30_garage__report 2__Plug"));

        carport.setMode(KebaSimulator.Mode.NORMAL);
        net.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 320_000, "both ONLINE");
        assertEquals("", c.health().reason());
    }

    @Test
    public void twoConnectorsShareThePortAndAnAddressServesOnlyOne() {
        KebaConnector a = net.connector("name", "a", "host", "127.0.0.2");
        KebaConnector b = net.connector("name", "b", "host", "127.0.0.3");
        KebaConnector twin = net.connector("name", "twin", "host", "127.0.0.2");
        net.runUntil(() -> a.health().status() == ConnectorStatus.ONLINE && b.health().status() == ConnectorStatus.ONLINE, 10_000,
                "both ONLINE");
        assertEquals("1111", net.latest("a", "a__report 1__Serial"));
        assertEquals("2222", net.latest("b", "b__report 1__Serial"));
        assertEquals(ConnectorStatus.FAILED, twin.health().status());
        assertTrue(twin.health().reason(), twin.health().reason().startsWith("host: address 127.0.0.2 is already polled by another"));

        a.close();
        KebaConnector again = net.connector("name", "again", "host", "127.0.0.2");
        net.runUntil(() -> again.health().status() == ConnectorStatus.ONLINE, 10_000, "the address free for another connector");
        assertEquals(ConnectorStatus.ONLINE, b.health().status());
    }
}
