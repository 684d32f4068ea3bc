package org.bemgate.itests;

import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.FeaturesService;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.simulators.lemdcbm.LemDcbmSimulator;
import org.bemgate.simulators.lemdcbm.Meter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The LEM DCBM bundle installed on a running gateway: a simulated meter over HTTP on loopback is read
 * every second, and a legal transaction started and stopped through the registry leaves its OCMF record.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class LemDcbmIT extends BemgateTestSupport {

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void aMeterIsReadAndATransactionLeavesItsOcmfRecord() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        service(FeaturesService.class).installFeature("bemgate-lemdcbm");
        try (LemDcbmSimulator meter = new LemDcbmSimulator("127.0.0.1", 0, new Meter()).start()) {
            org.osgi.service.cm.Configuration c = service(ConfigurationAdmin.class).getFactoryConfiguration("org.bemgate.lemdcbm",
                    "dcbm", "?");
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("name", "dcbm");
            props.put("host", "127.0.0.1");
            props.put("port", meter.port());
            c.update(props);

            await(() -> registry.get(DatapointId.of("dcbm", "power")), d -> d.isPresent() && d.get().value() != null, 60_000,
                    "live values from the meter");
            WriteOutcome start = registry.write(DatapointId.of("dcbm", "transactionStart"), new Value("it-1", System.currentTimeMillis()))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(start.toString(), start.isAccepted());
            WriteOutcome stop = registry.write(DatapointId.of("dcbm", "transactionStop"), new Value("", System.currentTimeMillis()))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(stop.toString(), stop.isAccepted());
            String ocmf = String.valueOf(await(() -> registry.get(DatapointId.of("dcbm", "ocmf")).orElseThrow().value(),
                    v -> v != null && String.valueOf(v.value()).startsWith("OCMF|"), 30_000, "the OCMF record").value());
            assertTrue(ocmf, ocmf.contains("it-1"));
            c.delete();
        }
    }
}
