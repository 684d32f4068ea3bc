package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.FeaturesService;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Modbus bundle in the booted distribution: the demo the README promises, then the bundle
 * installed as a feature on the running gateway, a device added and changed by dropping a .cfg into
 * etc/, and the bundle updated with values resuming and nothing else restarted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
// The demo is checked before the second test takes it away.
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ModbusIT extends BemgateTestSupport {

    private static final DatapointId ROOM_TEMPERATURE = DatapointId.of("demo-room", "read_input_registers__1__1");
    private static final DatapointId ROOM_SETPOINT = DatapointId.of("demo-room", "write_register__1__1");
    private static final DatapointId IT_TEMPERATURE = DatapointId.of("itest", "read_input_registers__1__1");
    private static final DatapointId IT_SETPOINT = DatapointId.of("itest", "read_holding_registers__1__1");

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void demoShowsALiveRoomAndTakesASetpoint() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        Datapoint room = await(() -> registry.get(ROOM_TEMPERATURE), d -> d.isPresent() && d.get().value() != null,
                60_000, "the demo room's temperature").get();
        assertTrue("the demo's datapoints start active", room.active());
        assertEquals("°C", room.metadata().unit());
        WriteOutcome outcome = registry.write(ROOM_SETPOINT, new Value(18.7, System.currentTimeMillis()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(outcome.reason(), outcome.isAccepted());
        String connectors = execute("bem:connectors");
        assertTrue(connectors, connectors.contains("demo-room") && connectors.contains("ONLINE"));
    }

    @Test
    public void installConfigureChangeAndUpdateOnTheRunningGateway() throws Exception {
        FeaturesService features = service(FeaturesService.class);
        DatapointRegistry registry = service(DatapointRegistry.class);

        // Install: take the Modbus feature away, then install it as an integrator would.
        // Uninstalling the demo takes the Modbus feature with it, being only its dependency.
        features.uninstallFeature("bemgate-demo");
        if (features.isInstalled(features.getFeature("bemgate-modbus"))) {
            features.uninstallFeature("bemgate-modbus");
        }
        waitFor(() -> bundleOrNull("org.bemgate.modbus") == null, 30_000, "the Modbus bundle to be uninstalled");
        features.installFeature("bemgate-modbus");
        features.installFeature("bemgate-simulators");
        waitFor(() -> state("org.bemgate.modbus") == Bundle.ACTIVE, 30_000, "the Modbus bundle to start");

        // A simulated room on a free port, configured through Config Admin.
        String port = freePort();
        org.osgi.service.cm.Configuration sim = service(ConfigurationAdmin.class)
                .getFactoryConfiguration("org.bemgate.simulator.modbus", "itest", "?");
        Dictionary<String, Object> simProps = new Hashtable<>();
        simProps.put("device", "demo-room");
        simProps.put("port", Integer.valueOf(port));
        sim.update(simProps);

        // Configure: drop a .cfg into etc/.
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.bemgate.modbus-itest.cfg");
        String device = "name = itest\nhost = 127.0.0.1\nport = " + port + "\npollSeconds = 0.2\nretryWaitSeconds = 0.2\n"
                + "activeDatapoints = read_input_registers__1__1\n";
        Files.writeString(cfg, device
                + "config = {\"read_input_registers\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"datatypes\": \"e\"}]}\n");
        await(() -> registry.get(IT_TEMPERATURE), d -> d.isPresent() && d.get().value() != null, 60_000, "values of the new device");
        assertTrue(registry.get(IT_TEMPERATURE).get().active());

        // Change: the same file with a second range; the connector restarts with it.
        Files.writeString(cfg, device + "config = {\"read_input_registers\": [{\"address\": 1, \"count\": 1, \"unit\": 1,"
                + " \"datatypes\": \"e\"}], \"read_holding_registers\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"datatypes\": \"<e\"}]}\n");
        Datapoint setpoint = await(() -> registry.get(IT_SETPOINT), d -> d.isPresent() && d.get().value() != null, 60_000,
                "the range the changed .cfg added").get();
        assertEquals(24.0, ((Number) setpoint.value().value()).doubleValue(), 0);

        // Update the bundle in place: values resume, no other bundle restarts.
        Bundle modbus = bundleOrNull("org.bemgate.modbus");
        Map<Long, Long> othersBefore = others(modbus.getBundleId());
        long before = System.currentTimeMillis();
        modbus.update();
        waitFor(() -> state("org.bemgate.modbus") == Bundle.ACTIVE, 30_000, "the updated Modbus bundle");
        await(() -> registry.get(IT_TEMPERATURE), d -> d.get().value().timestamp() > before + 500, 60_000,
                "values after the update");
        await(() -> registry.connector("itest"), c -> c.isPresent() && c.get().health().status() == ConnectorStatus.ONLINE,
                30_000, "the connector ONLINE after the update");
        assertEquals("no other bundle restarted or changed", othersBefore, others(modbus.getBundleId()));
        assertTrue(registry.get(IT_TEMPERATURE).get().active());
        Files.delete(cfg);
        sim.delete();
    }

    private Bundle bundleOrNull(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
    }

    private int state(String symbolicName) {
        return Optional.ofNullable(bundleOrNull(symbolicName)).map(Bundle::getState).orElse(Bundle.UNINSTALLED);
    }

    /** Every other bundle's last modification and state, which a restart or refresh would change. */
    private Map<Long, Long> others(long except) {
        Map<Long, Long> m = new HashMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getBundleId() != except && b.getBundleId() != bundleContext.getBundle().getBundleId()) {
                m.put(b.getBundleId(), b.getLastModified() * 100 + b.getState());
            }
        }
        return m;
    }
}
