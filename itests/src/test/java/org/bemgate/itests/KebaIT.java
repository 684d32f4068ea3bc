package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.FeaturesService;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.keba.KebaSimulator;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The KEBA bundle installed on a running gateway: a simulated wallbox on 127.0.0.2 answers the station
 * the gateway polls from 127.0.0.1 on the same UDP port, a write changes its current, and uninstalling
 * the feature leaves the demo room polling.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class KebaIT extends BemgateTestSupport {

    private static final DatapointId E_TOTAL = DatapointId.of("garage", "garage__report 3__E total");
    private static final DatapointId CURR = DatapointId.of("garage", "garage__curr");

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void aWallboxIsPolledAndSteeredThenTheFeatureLeaves() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        FeaturesService features = service(FeaturesService.class);
        features.installFeature("bemgate-keba");

        int port = udpPortFreeOnBoth("127.0.0.1", "127.0.0.2");
        ConfigurationAdmin cm = service(ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration owner = cm.getConfiguration("org.bemgate.keba.port", "?");
        Dictionary<String, Object> ownerProps = new Hashtable<>();
        ownerProps.put("port", port);
        ownerProps.put("bind", "127.0.0.1");
        owner.update(ownerProps);

        try (KebaSimulator box = new KebaSimulator("127.0.0.2", port).replyPort(port).start()) {
            org.osgi.service.cm.Configuration station = cm.getFactoryConfiguration("org.bemgate.keba", "garage", "?");
            Dictionary<String, Object> stationProps = new Hashtable<>();
            stationProps.put("name", "garage");
            stationProps.put("host", "127.0.0.2");
            stationProps.put("pollSeconds", 5);
            station.update(stationProps);

            await(() -> registry.get(E_TOTAL), d -> d.isPresent() && d.get().value() != null, 60_000, "the wallbox's report 3");
            assertEquals(ConnectorStatus.ONLINE, registry.connector("garage").orElseThrow().health().status());
            WriteOutcome w = registry.write(CURR, new Value(16000L, System.currentTimeMillis())).toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertTrue(w.toString(), w.isAccepted());
            assertEquals(16000, box.wallbox().currUser());

            long demoPolls = polls(registry);
            features.uninstallFeature("bemgate-keba");
            waitFor(() -> registry.connector("garage").isEmpty(), 30_000, "the KEBA connector gone with its feature");
            await(() -> polls(registry), p -> p > demoPolls, 30_000, "the demo room still polled");
            station.delete();
            owner.delete();
        }
    }

    private static long polls(DatapointRegistry registry) {
        return registry.connector("demo-room").orElseThrow().health().counters().getOrDefault("polls", 0L);
    }

    /** A UDP port free on both loopback addresses, so the gateway and the wallbox can both use it. */
    private static int udpPortFreeOnBoth(String a, String b) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket first = new DatagramSocket(new InetSocketAddress(a, 0))) {
                int port = first.getLocalPort();
                try (DatagramSocket second = new DatagramSocket(new InetSocketAddress(b, port))) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no UDP port free on both " + a + " and " + b);
    }
}
