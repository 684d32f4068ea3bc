package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.api.history.HistoryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The foundation in the booted distribution: registry and history services, the bem: commands, and
 * a vendor plug-in built against core-api only that publishes, is historised and is hot-upgraded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class CoreIT extends BemgateTestSupport {

    private static final DatapointId COUNTER = DatapointId.of("vendor-demo", "counter");
    private static final DatapointId VERSION = DatapointId.of("vendor-demo", "version");
    private static final DatapointId SETPOINT = DatapointId.of("vendor-demo", "setpoint");

    @Configuration
    public Option[] config() {
        return baseOptions();
    }

    @Test
    public void registryAndHistoryAreActiveAndCommandsRun() {
        assertNotNull(service(DatapointRegistry.class));
        assertNotNull(service(HistoryService.class));
        Bundle core = bundle("org.bemgate.core");
        assertEquals(Bundle.ACTIVE, core.getState());

        waitFor(() -> !execute("bem:list --help").contains("Command not found"), 30_000, "bem: commands");
        String unknown = execute("bem:show nosuch/datapoint");
        assertTrue(unknown, unknown.contains("unknown datapoint 'nosuch/datapoint'"));
        assertFalse(unknown, unknown.contains("Exception"));
        assertTrue(execute("bem:connectors"), execute("bem:connectors").toLowerCase().contains("name"));
    }

    @Test
    public void vendorPluginPublishesIsHistorisedAndSurvivesAHotUpgrade() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        HistoryService history = service(HistoryService.class);

        Bundle vendor = bundleContext.installBundle("file:" + System.getProperty("bemgate.it.vendor.v1"));
        vendor.start();

        // New datapoints arrive inactive, with values, and are not historised yet.
        Datapoint counter = await(() -> registry.get(COUNTER).orElse(null), d -> d != null && d.value() != null,
                20_000, "values from the vendor plug-in");
        assertFalse("new datapoints arrive inactive", counter.active());
        assertEquals("1.0.0", await(() -> registry.get(VERSION).get().value().value(), "1.0.0"::equals, 10_000, "v1"));
        long number = counter.number();

        // Activated from the shell: values now reach the history.
        String activated = execute("bem:activate vendor-demo/*");
        assertTrue(activated, activated.contains("3"));
        assertTrue(registry.get(COUNTER).get().active());
        await(() -> pointsUntil(history, Long.MAX_VALUE).size(), n -> n >= 3, 20_000, "history of the counter");

        String listed = execute("bem:list vendor-demo/*");
        assertTrue(listed, listed.contains("vendor-demo/counter") && listed.contains("vendor-demo/setpoint"));

        // Writes are validated by the registry and routed to the plug-in.
        WriteOutcome ok = registry.write(SETPOINT, new Value(42.5, System.currentTimeMillis())).toCompletableFuture().get();
        assertTrue(ok.toString(), ok.isAccepted());
        String refused = execute("bem:write vendor-demo/setpoint 150");
        assertTrue(refused, refused.contains("max"));

        // Upgrade the plug-in in place; nothing else may restart.
        Map<Long, String> before = bundleStates(vendor.getBundleId());
        long registryServiceId = serviceId(DatapointRegistry.class);
        history.flush(10_000);
        long upgradeTime = System.currentTimeMillis();
        int historyBefore = pointsUntil(history, upgradeTime).size();

        try (InputStream v2 = new FileInputStream(System.getProperty("bemgate.it.vendor.v2"))) {
            vendor.update(v2);
        }
        assertEquals("1.1.0", vendor.getVersion().toString());
        assertEquals("1.1.0", await(() -> registry.get(VERSION).get().value().value(), "1.1.0"::equals, 20_000,
                "values from the upgraded plug-in"));

        Datapoint after = registry.get(COUNTER).get();
        assertTrue("activation kept across the upgrade", after.active());
        assertEquals("number kept across the upgrade", number, after.number());
        await(() -> pointsUntil(history, Long.MAX_VALUE).stream().filter(p -> p.timestamp() > upgradeTime).count(),
                n -> n >= 2, 20_000, "history from the upgraded plug-in");
        history.flush(10_000);
        assertTrue("history before the upgrade kept", pointsUntil(history, upgradeTime).size() >= historyBefore);
        Map<Long, String> afterUpgrade = bundleStates(vendor.getBundleId());
        before.entrySet().removeIf(e -> e.getValue().equals(afterUpgrade.get(e.getKey())));
        assertEquals("bundles restarted or changed by the upgrade (before): " + before, 0, before.size());
        assertEquals("registry not restarted", registryServiceId, serviceId(DatapointRegistry.class));

        vendor.uninstall();
        await(() -> registry.connector("vendor-demo").isPresent(), present -> !present, 10_000, "connector gone");
        assertTrue("datapoints stay after the plug-in is removed",
                registry.find(DatapointFilter.connector("vendor-demo")).size() == 3);
    }

    private List<HistoryPoint> pointsUntil(HistoryService history, long to) {
        return history.query(HistoryQuery.values(COUNTER, 0, to));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private long serviceId(Class<?> type) {
        ServiceReference<?> ref = bundleContext.getServiceReference(type);
        return (Long) ref.getProperty("service.id");
    }
}
