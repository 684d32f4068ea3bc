package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.bemgate.core.api.DatapointRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.osgi.framework.Bundle;

/**
 * The web console in the booted distribution: served by the container's Jetty under /bemgate, closed
 * without login, an operator writes to the demo's real Modbus device, the first start created an
 * admin whose password is only in a file, and the console is upgraded at runtime with nothing else touched.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(BootRaceTolerantPerClass.class)
public class WebConsoleIT extends BemgateTestSupport {

    private static final String PAX_WEB = "etc/org.ops4j.pax.web.cfg";
    private static final String KEYSTORE_PASSWORD = "itest-only-keystore";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        File jar = new File("../bundle-webconsole/target/bundle-webconsole-0.1.0-SNAPSHOT.jar").getAbsoluteFile();
        File keystore = TestKeystore.create(new File("target/it-tls/console.p12"), KEYSTORE_PASSWORD);
        String httpsPort = freePort();
        return withExtra(baseOptions(),
                KarafDistributionOption.editConfigurationFilePut(PAX_WEB, "org.osgi.service.http.secure.enabled", "true"),
                KarafDistributionOption.editConfigurationFilePut(PAX_WEB, "org.osgi.service.http.port.secure", httpsPort),
                KarafDistributionOption.editConfigurationFilePut(PAX_WEB, "org.ops4j.pax.web.ssl.keystore", keystore.getPath()),
                KarafDistributionOption.editConfigurationFilePut(PAX_WEB, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12"),
                KarafDistributionOption.editConfigurationFilePut(PAX_WEB, "org.ops4j.pax.web.ssl.keystore.password", KEYSTORE_PASSWORD),
                KarafDistributionOption.editConfigurationFilePut(PAX_WEB, "org.ops4j.pax.web.ssl.key.password", KEYSTORE_PASSWORD),
                CoreOptions.systemProperty("bemgate.it.httpsPort").value(httpsPort),
                CoreOptions.systemProperty("bemgate.it.keystore").value(keystore.getPath()),
                // Stored hashed as Karaf would: a plain-text password makes Karaf rewrite users.properties at
                // first start, while the console appends its admin and logins read the file.
                KarafDistributionOption.editConfigurationFilePut("etc/users.properties", "otto",
                        "{CRYPT}" + sha256Hex("otto-pass-1234") + "{CRYPT},operator"),
                CoreOptions.systemProperty("bemgate.it.webconsoleJar").value(jar.getPath()));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("bemgate.it.httpPort") + "/bemgate/" + path);
    }

    private HttpResponse<String> send(String method, String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void theConsoleServesTheGatewayToLoggedInUsersOnly() throws Exception {
        String none = await(() -> {
            try {
                return send("GET", "api/v1/session", null, null, null).statusCode() + "";
            } catch (java.io.IOException e) {
                return e.toString();
            }
        }, s -> s.equals("401"), 60_000, "the console answering 401 without login");
        assertEquals("401", none);
        assertEquals(401, send("GET", "api/v1/session", "otto", "wrong-password", null).statusCode());

        String listed = await(() -> send("GET", "api/v1/datapoints?connector=demo-room", "otto", "otto-pass-1234", null).body(),
                b -> b.contains("write_register__1__1"), 60_000, "the demo room's datapoints");
        assertTrue(listed, listed.contains("read_input_registers__1__1"));

        HttpResponse<String> write = send("POST", "api/v1/datapoint/value?id=demo-room/write_register__1__1", "otto",
                "otto-pass-1234", "{\"value\": 19.5}");
        assertEquals(write.body(), 200, write.statusCode());
        assertTrue(write.body(), write.body().contains("\"status\":\"ACCEPTED\""));
        HttpResponse<String> feature = send("POST", "api/v1/features", "otto", "otto-pass-1234", "{\"name\": \"webconsole\"}");
        assertEquals("an operator may not install features", 403, feature.statusCode());

        String metrics = await(() -> send("GET", "metrics", "otto", "otto-pass-1234", null).body(),
                b -> b.contains("connector=\"demo-room\"") && b.contains("status=\"ONLINE\"} 1"), 30_000, "demo-room ONLINE in /metrics");
        assertTrue(metrics, metrics.contains("bemgate_datapoints "));
        assertTrue("registry and history throughput: " + metrics, metrics.contains("bemgate_registry_values_published_total ")
                && metrics.contains("bemgate_history_values_written_total "));

        String adminPassword = adminPassword();
        HttpResponse<String> bundles = send("GET", "api/v1/bundles", "admin", adminPassword, null);
        assertEquals(bundles.body(), 200, bundles.statusCode());
        assertTrue(bundles.body().contains("org.bemgate.webconsole"));
        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        assertFalse("the generated password is never logged", log.contains(adminPassword));

        HttpResponse<String> login = send("GET", "login", null, null, null);
        assertEquals(200, login.statusCode());
        assertTrue(login.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));

        theConsoleIsUpgradedWhileTheGatewayRuns();
    }

    @Test
    public void anAdminCreatesRepairsAndDeletesADeviceThroughTheApi() throws Exception {
        String admin = adminPassword();
        String types = await(() -> send("GET", "api/v1/connector-types", "admin", admin, null).body(),
                b -> b.contains("org.bemgate.modbus"), 60_000, "the Modbus form from its metatype");
        assertTrue(types, types.contains("pollSeconds"));
        String port = System.getProperty("bemgate.it.demoPort");
        expectLogError("Modbus connector 'meter' (127.0.0.1:" + port + ") is not started: config: MODBUS_CONFIG is not valid JSON");

        HttpResponse<String> created = send("POST", "api/v1/configurations", "admin", admin,
                "{\"factoryPid\": \"org.bemgate.modbus\", \"name\": \"meter\", \"properties\": {\"name\": \"meter\", "
                        + "\"host\": \"127.0.0.1\", \"port\": " + port + ", \"config\": \"{not json\"}}");
        assertEquals(created.body(), 201, created.statusCode());
        String pid = ApiJson.field(created.body(), "pid");
        String failed = await(() -> send("GET", "api/v1/connectors/meter", "otto", "otto-pass-1234", null).body(),
                b -> b.contains("FAILED"), 30_000, "the new device FAILED for its config");
        assertTrue(failed, failed.contains("config"));
        assertEquals("an operator may not edit devices", 403, send("DELETE", "api/v1/configurations/" + pid, "otto",
                "otto-pass-1234", null).statusCode());

        HttpResponse<String> repaired = send("PUT", "api/v1/configurations/" + pid, "admin", admin,
                "{\"properties\": {\"name\": \"meter\", \"host\": \"127.0.0.1\", \"port\": " + port + ", \"pollSeconds\": 1, "
                        + "\"config\": \"{\\\"read_input_registers\\\": [{\\\"address\\\": 1, \\\"count\\\": 1, "
                        + "\\\"unit\\\": 1, \\\"datatypes\\\": \\\"<e\\\"}]}\"}}");
        assertEquals(repaired.body(), 200, repaired.statusCode());
        await(() -> send("GET", "api/v1/connectors/meter", "otto", "otto-pass-1234", null).body(), b -> b.contains("ONLINE"),
                30_000, "the repaired device ONLINE, reading the demo room");

        assertEquals(200, send("DELETE", "api/v1/configurations/" + pid, "admin", admin, null).statusCode());
        await(() -> send("GET", "api/v1/connectors/meter", "otto", "otto-pass-1234", null).statusCode(), c -> c == 404, 30_000,
                "the deleted device gone");
        assertEquals(404, send("DELETE", "api/v1/configurations/" + pid, "admin", admin, null).statusCode());

        // Controlled pairs are configurations too: made, listed and removed through the same API.
        HttpResponse<String> pair = send("POST", "api/v1/configurations", "admin", admin,
                "{\"factoryPid\": \"org.bemgate.controller\", \"name\": \"web\", \"properties\": {\"name\": \"web\", "
                        + "\"sensor\": \"demo-room/read_input_registers__1__1\", \"actuator\": \"meter/none\"}}");
        assertEquals(pair.body(), 201, pair.statusCode());
        String pairs = await(() -> execute("bem:pairs"), out -> out.contains("web: "), 30_000, "the pair made through the API");
        assertTrue(pairs, pairs.contains("web: does nothing: meter/none does not exist"));
        assertTrue(send("GET", "api/v1/configurations?factoryPid=org.bemgate.controller", "otto", "otto-pass-1234", null).body()
                .contains("\"actuator\":\"meter/none\""));
        assertEquals(200, send("DELETE", "api/v1/configurations/" + ApiJson.field(pair.body(), "pid"), "admin", admin, null)
                .statusCode());
        await(() -> execute("bem:pairs"), out -> !out.contains("web:"), 30_000, "the pair removed through the API");
    }

    @Test
    public void theConsoleAnswersOverHttpsWhenConfigured() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(TestKeystore.trusting(new File(System.getProperty("bemgate.it.keystore")),
                KEYSTORE_PASSWORD)).connectTimeout(Duration.ofSeconds(5)).build();
        URI session = URI.create("https://127.0.0.1:" + System.getProperty("bemgate.it.httpsPort") + "/bemgate/api/v1/session");
        int status = await(() -> https.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                c -> c == 401, 60_000, "the console over HTTPS, closed without login");
        assertEquals(401, status);
        HttpResponse<String> otto = https.send(HttpRequest.newBuilder(session).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("otto:otto-pass-1234".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(otto.body(), 200, otto.statusCode());
    }

    private static String sha256Hex(String password) {
        try {
            return java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String adminPassword() throws java.io.IOException {
        Path passwordFile = Path.of(System.getProperty("karaf.data"), "bemgate", "admin-password.txt");
        waitFor(() -> Files.exists(passwordFile), 60_000, "the first start creating an admin with its password in " + passwordFile);
        return Files.readAllLines(passwordFile).stream().filter(l -> l.startsWith("password: "))
                .map(l -> l.substring("password: ".length()).trim()).findFirst().orElseThrow();
    }

    /** Reads one text field of a JSON object without a JSON library in the probe. */
    private static final class ApiJson {
        static String field(String json, String name) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
            if (!m.find()) {
                throw new AssertionError("no '" + name + "' in " + json);
            }
            return m.group(1);
        }
    }

    /** bundle:update of the console: it comes back, and nothing else is touched. */
    private void theConsoleIsUpgradedWhileTheGatewayRuns() throws Exception {
        Bundle console = bundle("org.bemgate.webconsole");
        Bundle modbus = bundle("org.bemgate.modbus");
        Bundle core = bundle("org.bemgate.core");
        long modbusModified = modbus.getLastModified();
        long coreModified = core.getLastModified();
        long consoleModified = console.getLastModified();
        DatapointRegistry registry = service(DatapointRegistry.class);
        long polls = registry.connector("demo-room").orElseThrow().health().counters().getOrDefault("polls", 0L);

        try (InputStream in = new FileInputStream(System.getProperty("bemgate.it.webconsoleJar"))) {
            console.update(in);
        }
        assertTrue(console.getLastModified() > consoleModified);
        await(() -> send("GET", "api/v1/session", "otto", "otto-pass-1234", null).statusCode(), c -> c == 200, 30_000,
                "the upgraded console answering");
        assertEquals(Bundle.ACTIVE, modbus.getState());
        assertEquals("the Modbus bundle was not restarted", modbusModified, modbus.getLastModified());
        assertEquals("the core bundle was not restarted", coreModified, core.getLastModified());
        await(() -> registry.connector("demo-room").orElseThrow().health().counters().getOrDefault("polls", 0L),
                p -> p > polls, 30_000, "the demo room still polled");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
