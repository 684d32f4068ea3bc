package org.bemgate.itests;

import static org.junit.Assert.assertEquals;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.apache.karaf.features.FeaturesService;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.ieee20305.Ieee20305Simulator;
import org.bemgate.simulators.ieee20305.SepServerState;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The IEEE 2030.5 bundle installed on a running gateway against the utility-server simulator (plain
 * HTTP here; mutual TLS is covered by the bundle's loopback tests): the site is registered once, the
 * default export limit and a scheduled one become datapoints, and a reconfiguration (a restart of
 * the connector) finds the existing registration instead of making another.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class Ieee20305IT extends BemgateTestSupport {

    private static final String LFDI = "68003FFD213C6FC3BE39673CFEAD8CD1F0C7F812";

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void aSiteIsRegisteredOnceAndItsControlsBecomeDatapoints() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        service(FeaturesService.class).installFeature("bemgate-ieee20305");
        SepServerState state = new SepServerState().aggregator(LFDI).pollRate(2).defaultControl(Map.of("opModExpLimW", 5000));
        try (Ieee20305Simulator server = new Ieee20305Simulator("127.0.0.1", 0, state).start()) {
            org.osgi.service.cm.Configuration c = service(ConfigurationAdmin.class).getFactoryConfiguration("org.bemgate.ieee20305",
                    "dso", "?");
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("name", "dso");
            props.put("baseUrl", server.baseUrl());
            props.put("lfdi", LFDI);
            props.put("minPollSeconds", 1);
            props.put("devices", "[{\"id\": \"site1\", \"nmi\": \"NMI1234567\", \"der\": {\"type\": 4, \"rtgMaxW\": 5000}}]");
            c.update(props);

            await(() -> registry.get(DatapointId.of("dso", "site1__registration")).orElseThrow().value().value(), "registered"::equals,
                    30_000, "the site registered");
            await(() -> registry.connector("dso").orElseThrow().health().status(), ConnectorStatus.ONLINE::equals, 30_000, "dso online");
            DatapointId export = DatapointId.of("dso", "site1__opModExpLimW");
            await(() -> ((Number) registry.get(export).orElseThrow().value().value()).longValue(), v -> v == 5000L, 30_000,
                    "the default export limit");
            assertEquals(1, state.sites().size());
            assertEquals("NMI1234567", state.sites().get(0).nmi());

            long now = state.now();
            state.schedule("it", now - 1, 600, Map.of("opModExpLimW", 1500));
            await(() -> ((Number) registry.get(export).orElseThrow().value().value()).longValue(), v -> v == 1500L, 30_000,
                    "the scheduled export limit");

            // A changed configuration restarts the connector: it must find its EndDevice again.
            props.put("timeoutMillis", 9_000);
            c.update(props);
            Thread.sleep(3_000);
            await(() -> registry.get(DatapointId.of("dso", "site1__registration")).orElseThrow().value().value(), "registered"::equals,
                    30_000, "the site registered after the restart");
            assertEquals("no second registration", 1, state.sites().size());
            c.delete();
        }
    }
}
