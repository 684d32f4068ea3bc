package org.bemgate.simulators.knx;

import static org.bemgate.simulators.knx.KnxNetIpPacket.*;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The simulated KNX IP interface over loopback, driven byte by byte. */
public class KnxIpSimulatorTest {

    private static final int ME = 0;

    private KnxIpSimulator sim;
    private RawKnxClient client;

    @Before
    public void setUp() throws Exception {
        sim = new KnxIpSimulator("127.0.0.1", 0).start();
        client = new RawKnxClient(sim);
    }

    @After
    public void tearDown() {
        client.close();
        sim.close();
    }

    private static CemiFrame req(String group, int apci, GroupValue v) {
        return CemiFrame.group(CemiFrame.L_DATA_REQ, ME, KnxAddresses.group(group), apci, v);
    }

    private void expectAck(int channel, int seq) throws Exception {
        KnxNetIpPacket ack = client.receive();
        assertEquals(TUNNELLING_ACK, ack.serviceType());
        assertArrayEquals(new byte[] { 4, (byte) channel, (byte) seq, 0 }, ack.body());
    }

    @Test
    public void connectGivesAChannelTheServersDataEndpointAndATunnelAddress() throws Exception {
        client.send(CONNECT_REQUEST, client.hpai(), client.hpai(), new byte[] { 4, 4, 2, 0 });
        KnxNetIpPacket r = client.receive();
        assertEquals(CONNECT_RESPONSE, r.serviceType());
        byte[] b = r.body();
        assertEquals(1, b[0]);
        assertEquals(E_NO_ERROR, b[1]);
        assertArrayEquals(hpai(new java.net.InetSocketAddress(sim.address(), sim.port())), java.util.Arrays.copyOfRange(b, 2, 10));
        assertArrayEquals("CRD: tunnel connection, address 1.1.251", new byte[] { 4, 4, 0x11, (byte) 0xFB },
                java.util.Arrays.copyOfRange(b, 10, 14));
        assertEquals(1, sim.connects());
        assertEquals(1, sim.connections());
    }

    @Test
    public void connectionStateAndDisconnect() throws Exception {
        int ch = client.connect();
        client.send(CONNECTIONSTATE_REQUEST, new byte[] { (byte) ch, 0 }, client.hpai());
        assertArrayEquals(new byte[] { (byte) ch, E_NO_ERROR }, client.receive().body());
        client.send(CONNECTIONSTATE_REQUEST, new byte[] { 99, 0 }, client.hpai());
        assertArrayEquals("unknown channel", new byte[] { 99, E_CONNECTION_ID }, client.receive().body());
        client.send(DISCONNECT_REQUEST, new byte[] { (byte) ch, 0 }, client.hpai());
        KnxNetIpPacket r = client.receive();
        assertEquals(DISCONNECT_RESPONSE, r.serviceType());
        assertArrayEquals(new byte[] { (byte) ch, E_NO_ERROR }, r.body());
        assertEquals(0, sim.connections());
        assertEquals(1, sim.disconnects());
        assertEquals(2, sim.connectionStateRequests());
    }

    @Test
    public void aGroupWriteIsAcknowledgedConfirmedAndStored() throws Exception {
        int ch = client.connect();
        client.tunnel(ch, 0, req("1/2/3", CemiFrame.GROUP_WRITE, GroupValue.bytes(0x0C, 0x33)));
        expectAck(ch, 0);
        CemiFrame con = client.receiveFrame(ch);
        assertEquals(CemiFrame.L_DATA_CON, con.messageCode());
        assertEquals("positive: confirm bit clear", 0, con.ctrl1() & 0x01);
        assertEquals("the tunnel's address replaces 0.0.0", "1.1.251", KnxAddresses.individual(con.source()));
        assertEquals(GroupValue.bytes(0x0C, 0x33), sim.value("1/2/3"));
        assertEquals(List.of(new KnxIpSimulator.Telegram(CemiFrame.GROUP_WRITE, "1/2/3", GroupValue.bytes(0x0C, 0x33))), sim.telegrams());
    }

    @Test
    public void aGroupReadIsAnsweredByTheBusDeviceWithTheValue() throws Exception {
        sim.setValue("1/1/1", GroupValue.small(1));
        int ch = client.connect();
        client.tunnel(ch, 0, req("1/1/1", CemiFrame.GROUP_READ, null));
        expectAck(ch, 0);
        assertEquals(CemiFrame.L_DATA_CON, client.receiveFrame(ch).messageCode());
        CemiFrame response = client.receiveFrame(ch);
        assertEquals(CemiFrame.L_DATA_IND, response.messageCode());
        assertEquals(CemiFrame.GROUP_RESPONSE, response.apci());
        assertEquals(KnxIpSimulator.DEVICE, KnxAddresses.individual(response.source()));
        assertEquals(GroupValue.small(1), response.value());
        assertArrayEquals("small value inside the APCI byte", new byte[] { 0x00, 0x41 }, response.tpdu());
    }

    @Test
    public void readsOfAddressesWithoutValueOrLeftUnansweredGetOnlyTheConfirmation() throws Exception {
        sim.setValue("1/1/2", GroupValue.bytes(1));
        sim.leaveUnanswered("1/1/2");
        int ch = client.connect();
        client.tunnel(ch, 0, req("1/1/1", CemiFrame.GROUP_READ, null));
        expectAck(ch, 0);
        client.receiveFrame(ch);
        client.tunnel(ch, 1, req("1/1/2", CemiFrame.GROUP_READ, null));
        expectAck(ch, 1);
        client.receiveFrame(ch);
        assertNull(client.receive(300));
    }

    @Test
    public void sequenceCountersRepeatsAreAcknowledgedButNotDoneTwiceAndGapsAreDropped() throws Exception {
        int ch = client.connect();
        client.tunnel(ch, 0, req("1/2/3", CemiFrame.GROUP_WRITE, GroupValue.small(1)));
        expectAck(ch, 0);
        client.receiveFrame(ch);
        client.tunnel(ch, 0, req("1/2/3", CemiFrame.GROUP_WRITE, GroupValue.small(1)));
        expectAck(ch, 0);
        client.tunnel(ch, 5, req("1/2/3", CemiFrame.GROUP_WRITE, GroupValue.small(0)));
        assertNull("out of sequence: dropped without ack", client.receive(300));
        assertEquals(1, sim.telegrams().size());
        assertEquals(GroupValue.small(1), sim.value("1/2/3"));
    }

    @Test
    public void busWritesReachEveryTunnelAndRequestsAreRepeatedOnceThenTheTunnelEnds() throws Exception {
        int ch = client.connect();
        try (RawKnxClient other = new RawKnxClient(sim)) {
            int ch2 = other.connect();
            sim.emitGroupWrite("3/3/3", GroupValue.bytes(0x80));
            CemiFrame f = client.receiveFrame(ch);
            assertEquals(CemiFrame.GROUP_WRITE, f.apci());
            assertEquals(GroupValue.bytes(0x80), f.value());
            KnxNetIpPacket first = other.receive();
            KnxNetIpPacket repeat = other.receive(3000);
            assertEquals("not acknowledged: sent again after 1 s", TUNNELLING_REQUEST, repeat.serviceType());
            assertArrayEquals(first.body(), repeat.body());
            KnxNetIpPacket end = other.receive(3000);
            assertEquals("still not acknowledged: the tunnel ends", DISCONNECT_REQUEST, end.serviceType());
            assertEquals(ch2, end.body()[0] & 0xFF);
            assertEquals(1, sim.connections());
        }
        client.tunnel(ch, 0, req("3/3/4", CemiFrame.GROUP_WRITE, GroupValue.small(1)));
        expectAck(ch, 0);
        assertEquals(CemiFrame.L_DATA_CON, client.receiveFrame(ch).messageCode());
    }

    @Test
    public void aClientsWriteIsSeenByTheOtherClients() throws Exception {
        int ch = client.connect();
        try (RawKnxClient other = new RawKnxClient(sim)) {
            int ch2 = other.connect();
            client.tunnel(ch, 0, req("4/0/1", CemiFrame.GROUP_WRITE, GroupValue.small(1)));
            expectAck(ch, 0);
            CemiFrame seen = other.receiveFrame(ch2);
            assertEquals(CemiFrame.L_DATA_IND, seen.messageCode());
            assertEquals("1.1.251", KnxAddresses.individual(seen.source()));
        }
    }

    @Test
    public void faultModes() throws Exception {
        sim.refuseConnections(true);
        client.send(CONNECT_REQUEST, client.hpai(), client.hpai(), new byte[] { 4, 4, 2, 0 });
        assertArrayEquals(new byte[] { 0, E_NO_MORE_CONNECTIONS }, client.receive().body());
        sim.refuseConnections(false);
        client.send(CONNECT_REQUEST, client.hpai(), client.hpai(), new byte[] { 4, 4, 0x04, 0 });
        assertArrayEquals("busmonitor layer", new byte[] { 0, E_TUNNELLING_LAYER }, client.receive().body());
        client.send(CONNECT_REQUEST, client.hpai(), client.hpai(), new byte[] { 4, 7, 2, 0 });
        assertArrayEquals(new byte[] { 0, E_CONNECTION_TYPE }, client.receive().body());
        int ch = client.connect();
        sim.setConfirmations(KnxIpSimulator.Confirmations.NEGATIVE);
        client.tunnel(ch, 0, req("1/2/3", CemiFrame.GROUP_WRITE, GroupValue.small(1)));
        expectAck(ch, 0);
        assertEquals("negative: confirm bit set", 1, client.receiveFrame(ch).ctrl1() & 0x01);
        assertNull("nothing went on the bus", sim.value("1/2/3"));
        sim.setConfirmations(KnxIpSimulator.Confirmations.NONE);
        client.tunnel(ch, 1, req("1/2/3", CemiFrame.GROUP_WRITE, GroupValue.small(1)));
        expectAck(ch, 1);
        assertNull(client.receive(300));
        sim.setAnswering(false);
        client.send(CONNECTIONSTATE_REQUEST, new byte[] { (byte) ch, 0 }, client.hpai());
        assertNull(client.receive(300));
        assertEquals(1, sim.ignored());
        sim.setAnswering(true);
        client.send(CONNECTIONSTATE_REQUEST, new byte[] { (byte) ch, 0 }, client.hpai());
        assertArrayEquals("the tunnel survived the silence", new byte[] { (byte) ch, E_NO_ERROR }, client.receive().body());
        sim.disconnectAll();
        KnxNetIpPacket d = client.receive();
        assertEquals(DISCONNECT_REQUEST, d.serviceType());
        assertEquals(0, sim.connections());
    }

    @Test
    public void aTunnelWithoutHeartbeatIsDropped() throws Exception {
        sim.connectionTimeoutMillis(300);
        int ch = client.connect();
        KnxNetIpPacket d = client.receive(3000);
        assertEquals(DISCONNECT_REQUEST, d.serviceType());
        assertEquals(ch, d.body()[0] & 0xFF);
    }

    @Test
    public void natClientsAreAnsweredWhereTheirDatagramsComeFrom() throws Exception {
        byte[] nat = { 8, 1, 0, 0, 0, 0, 0, 0 };
        client.send(CONNECT_REQUEST, nat, nat, new byte[] { 4, 4, 2, 0 });
        assertEquals(CONNECT_RESPONSE, client.receive().serviceType());
        client.send(DESCRIPTION_REQUEST, nat);
        KnxNetIpPacket desc = client.receive();
        assertEquals(DESCRIPTION_RESPONSE, desc.serviceType());
        assertEquals("device information DIB", 54, desc.body()[0]);
        client.send(SEARCH_REQUEST, client.hpai());
        assertEquals(SEARCH_RESPONSE, client.receive().serviceType());
    }

    @Test
    public void malformedDatagramsAreCountedAndTheServerCarriesOn() throws Exception {
        client.sendRaw(new byte[] { 1, 2, 3 });
        client.sendRaw(new byte[] { 6, 0x10, 2, 5, 0, 99 });
        client.send(CONNECT_REQUEST, new byte[] { 8, 1 });
        int ch = client.connect();
        assertTrue(ch > 0);
        assertEquals(3, sim.malformed());
    }

    @Test
    public void deviceManagementConnectionsAnswerPropertyReadsWithNoSuchProperty() throws Exception {
        client.send(CONNECT_REQUEST, client.hpai(), client.hpai(), new byte[] { 2, 3 });
        byte[] r = client.receive().body();
        assertEquals(E_NO_ERROR, r[1]);
        int ch = r[0] & 0xFF;
        client.send(DEVICE_CONFIGURATION_REQUEST, new byte[] { 4, (byte) ch, 0, 0 },
                new byte[] { (byte) 0xFC, 0, 8, 1, 56, 0x10, 1 });
        assertEquals(DEVICE_CONFIGURATION_ACK, client.receive().serviceType());
        KnxNetIpPacket con = client.receive();
        assertEquals(DEVICE_CONFIGURATION_REQUEST, con.serviceType());
        assertArrayEquals(new byte[] { 4, (byte) ch, 0, 0, (byte) 0xFB, 0, 8, 1, 56, 0, 1, 7 }, con.body());
        assertEquals("not a tunnel", 0, sim.connections());
    }

    @Test
    public void frameAndValueCodecs() {
        assertEquals(0x0B6F, KnxAddresses.group("1/3/111"));
        assertEquals("1/3/111", KnxAddresses.group(0x0B6F));
        assertEquals("1.1.10", KnxAddresses.individual(KnxAddresses.individual("1.1.10")));
        CemiFrame f = CemiFrame.group(CemiFrame.L_DATA_IND, KnxAddresses.individual("1.1.10"), KnxAddresses.group("1/2/3"),
                CemiFrame.GROUP_RESPONSE, GroupValue.bytes(0x07, 0x89));
        byte[] bytes = f.toBytes();
        assertArrayEquals(new byte[] { 0x29, 0, (byte) 0xBC, (byte) 0xE0, 0x11, 0x0A, 0x0A, 0x03, 3, 0, 0x40, 0x07, (byte) 0x89 }, bytes);
        assertEquals(f, CemiFrame.parse(bytes, 0, bytes.length));
        assertEquals(GroupValue.parse("0789"), f.value());
        assertEquals(GroupValue.small(1), GroupValue.parse("small:1"));
        assertEquals("small:1", GroupValue.small(1).toString());
    }
}
