package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The vendor kit's example plug-in ({@code examples/vendor-plugin}), built on its own against the
 * installed core-api, dropped into {@code deploy/} of a running gateway: its connector and datapoints
 * appear; a new version dropped over it replaces it in place, with no restart of anything else.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class VendorPluginIT extends BemgateTestSupport {

    private static final String SYMBOLIC_NAME = "com.example.bemgate.httpmeter";
    private static final DatapointId POWER = DatapointId.of("meter1", "power");
    private static final DatapointId RELAY = DatapointId.of("meter1", "relay");

    @Configuration
    public Option[] config() {
        return withExtra(baseOptions(),
                CoreOptions.systemProperty("bemgate.it.example.v1").value(ExamplePluginBuild.build("1.0.0").getAbsolutePath()),
                CoreOptions.systemProperty("bemgate.it.example.v2").value(ExamplePluginBuild.build("1.0.1").getAbsolutePath()));
    }

    @Test
    public void droppedIntoDeployItRunsAndANewVersionReplacesIt() throws Exception {
        DatapointRegistry registry = service(DatapointRegistry.class);
        HttpServer meter = meter();
        try {
            org.osgi.service.cm.Configuration c = service(ConfigurationAdmin.class).getFactoryConfiguration(SYMBOLIC_NAME, "meter1", "?");
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("name", "meter1");
            props.put("url", "http://127.0.0.1:" + meter.getAddress().getPort());
            props.put("pollMillis", 500);
            c.update(props);

            Path deploy = Path.of(System.getProperty("karaf.home"), "deploy");
            Path deployed = deploy.resolve("example-httpmeter.jar");
            Files.copy(Path.of(System.getProperty("bemgate.it.example.v1")), deployed, StandardCopyOption.REPLACE_EXISTING);

            Bundle plugin = await(() -> bundle(SYMBOLIC_NAME), b -> b != null && b.getState() == Bundle.ACTIVE, 60_000,
                    "the plug-in installed from deploy/");
            assertEquals("1.0.0", plugin.getVersion().toString());
            await(() -> registry.get(POWER).orElseThrow().value(), v -> v != null && ((Number) v.value()).doubleValue() == 1500.0,
                    30_000, "the meter's power");
            assertEquals(ConnectorStatus.ONLINE, registry.connector("meter1").orElseThrow().health().status());
            WriteOutcome off = registry.write(RELAY, new Value(false, System.currentTimeMillis())).toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            assertTrue(off.toString(), off.isAccepted());
            registry.setActive(List.of(POWER), true);

            // A new version over the same file name, moved in at once so the deployer never reads half a jar.
            long id = plugin.getBundleId();
            Map<Long, String> others = bundleStates(id);
            Path staged = Files.createTempFile("example-httpmeter", ".jar");
            Files.copy(Path.of(System.getProperty("bemgate.it.example.v2")), staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long upgraded = System.currentTimeMillis();

            await(() -> bundle(SYMBOLIC_NAME), b -> b != null && b.getVersion().toString().equals("1.0.1") && b.getState() == Bundle.ACTIVE,
                    60_000, "version 1.0.1 active");
            assertEquals("updated in place, not installed next to the old one", id, bundle(SYMBOLIC_NAME).getBundleId());
            assertEquals(1, Arrays.stream(bundleContext.getBundles()).filter(b -> SYMBOLIC_NAME.equals(b.getSymbolicName())).count());
            await(() -> registry.get(POWER).orElseThrow().value(), v -> v != null && v.timestamp() > upgraded, 30_000,
                    "values from the new version");
            await(() -> registry.connector("meter1").orElseThrow().health().status(), ConnectorStatus.ONLINE::equals, 30_000,
                    "the new version's connector online");
            assertTrue("activation kept across the upgrade", registry.get(POWER).orElseThrow().active());
            Map<Long, String> after = bundleStates(id);
            others.entrySet().removeIf(e -> e.getValue().equals(after.get(e.getKey())));
            assertEquals("bundles restarted or changed by the upgrade (before): " + others, 0, others.size());

            Files.delete(deployed);
            await(() -> bundle(SYMBOLIC_NAME), b -> b == null, 30_000, "the plug-in removed with its file");
            c.delete();
        } finally {
            meter.stop(0);
        }
    }

    /** The example's HTTP meter, as small as its API: one reading, one relay. */
    private static HttpServer meter() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/reading", x -> reply(x, "{\"power\":1500.0,\"energy\":123456.0,\"voltage\":230.0,\"relay\":true}"));
        server.createContext("/api/v1/relay", x -> {
            x.getRequestBody().readAllBytes();
            reply(x, "{\"relay\":false}");
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange x, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }
}
