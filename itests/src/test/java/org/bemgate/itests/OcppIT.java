package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.FeaturesService;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.ocpp.Charger;
import org.bemgate.simulators.ocpp.OcppChargePoint;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The OCPP bundle installed on a running gateway: its central system owns its own port on the
 * container's Jetty bundles, a simulated charge point with its Basic-auth password plays a whole
 * session, strangers and wrong passwords are refused at the handshake, and the shell sends it a
 * charging limit and a trigger and prints the charger's answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class OcppIT extends BemgateTestSupport {

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void aChargePointPlaysASessionAndTheShellSteersIt() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        service(FeaturesService.class).installFeature("bemgate-ocpp");
        int port = Integer.parseInt(freePort());
        org.osgi.service.cm.Configuration c = service(ConfigurationAdmin.class).getFactoryConfiguration("org.bemgate.ocpp", "site", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", "site");
        props.put("port", port);
        props.put("bind", "127.0.0.1");
        props.put("chargePointIds", new String[] { "CP-1" });
        props.put(".basicAuthPasswords", new String[] { "CP-1=secret" });
        c.update(props);

        await(() -> registry.connector("site").orElseThrow().health().status(), ConnectorStatus.ONLINE::equals, 30_000,
                "the central system listening");
        assertTrue("actuators exist before the charge point connects",
                registry.get(DatapointId.of("site", "CP-1__charging_limit_w")).isPresent());

        HttpClient http = OcppChargePoint.client(null, null);
        URI server = URI.create("ws://127.0.0.1:" + port + "/ocpp");
        refused(new OcppChargePoint(http, server, "CP-1", charger()).password("wrong"), "a wrong password");
        refused(new OcppChargePoint(http, server, "CP-2", charger()).password("secret"), "a charge point not on the allow-list");

        OcppChargePoint cp = new OcppChargePoint(http, server, "CP-1", charger()).password("secret");
        cp.connect().get(20, TimeUnit.SECONDS);
        int transaction = cp.playSession(1, "TAG-1", 1_500).get(60, TimeUnit.SECONDS);
        assertEquals("bemgate-sim", await(() -> registry.get(DatapointId.of("site", "CP-1__BootNotification__charge_point_vendor"))
                .orElseThrow().value().value(), "bemgate-sim"::equals, 20_000, "the vendor from BootNotification"));
        await(() -> registry.get(DatapointId.of("site", "CP-1__transaction__1__energy")).orElseThrow().value(), v -> v != null,
                20_000, "the transaction's energy");
        assertTrue(transaction > 0);

        String listed = execute("bem:ocpp-list");
        assertTrue(listed, listed.contains("CP-1"));
        String limit = execute("bem:ocpp-limit CP-1 16 A");
        assertTrue(limit, limit.contains("ACCEPTED"));
        String trigger = execute("bem:ocpp-trigger CP-1 MeterValues");
        assertTrue(trigger, trigger.contains("ACCEPTED"));

        cp.close();
        c.delete();
    }

    private static Charger charger() {
        return new Charger("bemgate-sim", "it", 1, "Current,Power");
    }

    private static void refused(OcppChargePoint cp, String what) throws Exception {
        try {
            cp.connect().get(20, TimeUnit.SECONDS);
            fail(what + " was let in");
        } catch (ExecutionException expected) {
            // the handshake was refused
        }
    }
}
