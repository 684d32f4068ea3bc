package org.bemgate.simulators.keba;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The simulated P30 over loopback, both sides on the same port as on a real network. */
public class KebaSimulatorTest {

    private int port;
    private KebaSimulator sim;
    private UdpPeer gateway;

    @Before
    public void setUp() throws Exception {
        port = UdpPeer.freePortOn("127.0.0.1", "127.0.0.2");
        sim = new KebaSimulator("127.0.0.2", port).replyPort(port).start();
        gateway = new UdpPeer(port);
    }

    @After
    public void tearDown() {
        gateway.close();
        sim.close();
    }

    private String ask(String command) throws Exception {
        gateway.send(command, sim.address(), port);
        return gateway.receive();
    }

    @Test
    public void reportsCarryTheDocumentedFieldsInTheBoxsLayout() throws Exception {
        String r1 = ask("report 1");
        assertTrue(r1, r1.startsWith("{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-EC240422-E00\",\n\"Serial\": \"22054282\""));
        assertTrue(r1, r1.endsWith("\"Sec\": 530786\n}\n"));
        String r2 = ask("report 2");
        for (String field : new String[] { "\"State\": 1", "\"Plug\": 0", "\"Enable sys\": 1", "\"Max curr\": 0", "\"Max curr %\": 0",
            "\"Curr HW\": 32000", "\"Curr user\": 63000", "\"Setenergy\": 0", "\"X2 phaseSwitch source\": 4", "\"X2 phaseSwitch\": 1" }) {
            assertTrue(field + " in " + r2, r2.contains(field));
        }
        String r3 = ask("report 3");
        for (String field : new String[] { "\"ID\": \"3\"", "\"U1\": 230", "\"I1\": 0", "\"P\": 0", "\"E pres\": 0",
            "\"E total\": 7747835" }) {
            assertTrue(field + " in " + r3, r3.contains(field));
        }
        assertTrue(ask("report 100").contains("\"ID\": \"100\""));
        assertEquals(4, sim.received());
    }

    @Test
    public void answersGoToTheReplyPortWhateverTheSendersPortWas() throws Exception {
        try (DatagramSocket ephemeral = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] data = "report 1".getBytes();
            ephemeral.send(new java.net.DatagramPacket(data, data.length, new InetSocketAddress(sim.address(), port)));
        }
        assertTrue(gateway.receive().contains("\"ID\": \"1\""));
    }

    @Test
    public void setCommandsAreConfirmedAndChangeTheBox() throws Exception {
        assertEquals("TCH-OK :done\n", ask("curr 16000"));
        assertEquals(16000, sim.wallbox().currUser());
        assertEquals("out of range: the box sets 6000 mA", "TCH-OK :done\n", ask("curr 70000"));
        assertEquals(6000, sim.wallbox().currUser());
        assertEquals("TCH-OK :done\n", ask("setenergy 100000"));
        assertEquals(100000, sim.wallbox().setEnergy());
        assertEquals("TCH-OK :done\n", ask("display 0 0 0 0 Hello$KEBA"));
        assertEquals("Hello KEBA", sim.wallbox().displayText());
        assertEquals("TCH-OK :done\n", ask("output 1"));
        assertEquals(1, sim.wallbox().output());
        assertEquals("TCH-OK :done\n", ask("start 04A1B2C3D4E5F6 0123"));
        assertEquals("04A1B2C3D4E5F6", sim.wallbox().authorisedTag());
        assertEquals("TCH-OK :done\n", ask("stop 04A1B2C3D4E5F6"));
        assertEquals(1, sim.wallbox().stops());
        assertEquals("TCH-OK :done\n", ask("unlock"));
        assertEquals(1, sim.wallbox().unlocks());
        assertEquals("TCH-OK :done\n", ask("x2src 4"));
        assertEquals("TCH-OK :done\n", ask("x2 0"));
        assertEquals(0, sim.wallbox().phaseSwitch());
        assertEquals("TCH-OK :done\n", ask("currtime 10000 5"));
        assertEquals(5, sim.wallbox().timerSecondsLeft());
        assertEquals("TCH-ERR\n", ask("currtime 3000 1"));
        assertEquals("TCH-ERR\n", ask("start nothex"));
        assertEquals("TCH-ERR\n", ask("fly 1"));
    }

    @Test
    public void disablingIsConfirmedThenAnnounced() throws Exception {
        assertEquals("TCH-OK :done\n", ask("ena 0"));
        assertEquals("{\n\"Enable sys\": 0\n}\n", gateway.receive());
        assertEquals(0, sim.wallbox().enableUser());
    }

    @Test
    public void theCarPluggingInAndChargingIsAnnouncedUnsolicited() throws Exception {
        ask("report 2"); // the box now knows whom to tell
        sim.plugIn();
        assertEquals("{\n\"Plug\": 7\n}\n", gateway.receive());
        assertEquals("{\n\"State\": 2\n}\n", gateway.receive());
        assertEquals("{\n\"Max curr\": 32000\n}\n", gateway.receive());
        sim.startCharging();
        assertEquals("{\n\"State\": 3\n}\n", gateway.receive());
        sim.tick(60);
        // 230 V × 32 A × 3 phases for a minute = 368 Wh = 3680 × 0.1 Wh
        assertEquals("{\n\"E pres\": 3680\n}\n", gateway.receive());
        assertTrue(ask("report 3").contains("\"P\": 22080000"));
        sim.unplug();
        assertEquals("{\n\"Plug\": 0\n}\n", gateway.receive());
        assertEquals("{\n\"State\": 1\n}\n", gateway.receive());
        assertEquals("{\n\"Max curr\": 0\n}\n", gateway.receive());
    }

    @Test
    public void aReportOneOnlyBoxIgnoresEverythingElse() throws Exception {
        sim.setMode(KebaSimulator.Mode.REPORT_1_ONLY);
        gateway.send("report 2", sim.address(), port);
        gateway.send("curr 10000", sim.address(), port);
        assertTrue(ask("report 1").contains("\"ID\": \"1\""));
        UdpPeer.await(() -> sim.handled() == 3, "all three commands to be read");
        assertEquals(1, sim.sent());
        assertEquals(63000, sim.wallbox().currUser());
    }

    @Test
    public void aSilentBoxReadsButSendsNothing() throws Exception {
        sim.setMode(KebaSimulator.Mode.SILENT);
        gateway.send("report 1", sim.address(), port);
        sim.plugIn();
        UdpPeer.await(() -> sim.handled() == 1, "the command to be read");
        assertEquals(0, sim.sent());
        sim.setMode(KebaSimulator.Mode.NORMAL);
        assertTrue(ask("report 1").contains("\"ID\": \"1\""));
    }

    @Test
    public void garbledAndRefusedAnswersOnDemand() throws Exception {
        sim.setGarbleReplies(true);
        String cut = ask("report 1");
        assertTrue(cut, cut.startsWith("{\n\"ID\": \"1\"") && !cut.contains("}"));
        sim.setGarbleReplies(false);
        sim.refuse("curr");
        assertEquals("TCH-ERR\n", ask("curr 10000"));
        sim.refuseNothing();
        assertEquals("TCH-OK :done\n", ask("curr 10000"));
        sim.sendRaw("#garbage#");
        assertEquals("#garbage#", gateway.receive());
    }

    @Test
    public void outputTwoToNineGetNoAnswer() throws Exception {
        gateway.send("output 5", sim.address(), port);
        UdpPeer.await(() -> sim.handled() == 1, "the command to be read");
        assertEquals(0, sim.sent());
        assertEquals(0, sim.wallbox().output());
    }

    @Test
    public void firmwareWithoutPhaseSwitchingRefusesIt() throws Exception {
        sim.close();
        sim = new KebaSimulator("127.0.0.2", port, new Wallbox("1", false)).replyPort(port).start();
        assertEquals("TCH-ERR\n", ask("x2 1"));
        assertFalse(ask("report 2").contains("X2"));
    }

    @Test
    public void aStoppedBoxComesBackOnTheSamePort() throws Exception {
        sim.stop();
        sim.start();
        assertEquals(port, sim.port());
        assertTrue(ask("report 1").contains("\"ID\": \"1\""));
    }
}
