package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.features.FeaturesService;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The KNX bundle (Calimero embedded) installed on a running gateway against the KNXnet/IP tunnelling
 * simulator, itself configured as a component of the simulators bundle: start-up reads arrive with
 * their units, a group write is confirmed, a value that does not fit its DPT is refused, and the
 * connector goes OFFLINE when the gateway goes away and ONLINE again when it is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class KnxIT extends BemgateTestSupport {

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void aTunnelReadsWritesAndRecoversFromALostGateway() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        service(FeaturesService.class).installFeature("bemgate-knx");
        ConfigurationAdmin configs = service(ConfigurationAdmin.class);
        int port = freeUdpPort();
        Dictionary<String, Object> gateway = new Hashtable<>();
        gateway.put("bind", "127.0.0.1");
        gateway.put("port", port);
        gateway.put("values", "1/1/1=0C33,1/1/2=small:1");
        org.osgi.service.cm.Configuration sim = configs.getFactoryConfiguration("org.bemgate.simulator.knx", "it", "?");
        sim.update(gateway);

        org.osgi.service.cm.Configuration c = configs.getFactoryConfiguration("org.bemgate.knx", "knx-it", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", "knx-it");
        props.put("host", "127.0.0.1");
        props.put("port", port);
        props.put("reconnectSeconds", 0.5);
        props.put("datapoints", "{\"sensor\": {\"1/1/1\": \"DPST-9-1\", \"1/1/2\": \"DPST-1-1\"}, \"actuator\": {\"1/2/1\": \"DPST-1-1\"}}");
        c.update(props);

        await(() -> registry.connector("knx-it").orElseThrow().health().status(), ConnectorStatus.ONLINE::equals, 30_000, "knx-it online");
        DatapointId temperature = DatapointId.of("knx-it", "1/1/1");
        await(() -> registry.get(temperature).orElseThrow().value().value(), v -> ((Number) v).doubleValue() == 21.5, 30_000,
                "the start-up read of 1/1/1");
        assertEquals("°C", registry.get(temperature).orElseThrow().metadata().unit());
        assertEquals(Boolean.TRUE, await(() -> registry.get(DatapointId.of("knx-it", "1/1/2")).orElseThrow().value().value(),
                Boolean.TRUE::equals, 30_000, "the start-up read of 1/1/2"));

        String accepted = execute("bem:write knx-it/1/2/1 true");
        assertTrue(accepted, accepted.contains("ACCEPTED"));
        String refused = execute("bem:write knx-it/1/2/1 7");
        assertTrue(refused, refused.contains("REJECTED"));

        // The gateway goes away: a write fails, the connector is OFFLINE; it comes back: ONLINE by itself.
        sim.delete();
        // Config Admin stops the simulator asynchronously: wait until its UDP port is free again.
        await(() -> portFree(port), free -> free, 30_000, "the simulated gateway stopped");
        expectLogError("close connection - maximum send attempts"); // Calimero's own line for a gateway that stopped answering
        String failed = execute("bem:write knx-it/1/2/1 false");
        assertTrue(failed, failed.contains("FAILED"));
        await(() -> registry.connector("knx-it").orElseThrow().health().status(), ConnectorStatus.OFFLINE::equals, 60_000,
                "knx-it offline without its gateway");
        sim = configs.getFactoryConfiguration("org.bemgate.simulator.knx", "it", "?");
        sim.update(gateway);
        await(() -> registry.connector("knx-it").orElseThrow().health().status(), ConnectorStatus.ONLINE::equals, 60_000,
                "knx-it online again");
        c.delete();
        sim.delete();
    }

    private static boolean portFree(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return true;
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return s.getLocalPort();
        }
    }
}
