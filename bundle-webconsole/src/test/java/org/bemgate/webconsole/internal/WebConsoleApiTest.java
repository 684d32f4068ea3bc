package org.bemgate.webconsole.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST API, login, live events and metrics over real HTTP, with the real registry behind them. */
public class WebConsoleApiTest {

    private static final DatapointId TEMP = RoomGateway.TEMP;
    private static final DatapointId SET = RoomGateway.SET;

    private RoomGateway gateway;
    private DatapointRegistryImpl registry;
    private ConsoleServer server;
    private List<Object> written;

    @Before
    public void setUp() throws Exception {
        gateway = new RoomGateway();
        registry = gateway.registry;
        server = gateway.server;
        written = gateway.written;
    }

    @After
    public void tearDown() throws Exception {
        gateway.close();
    }

    private ApiClient client() {
        return new ApiClient(server.base());
    }

    @Test
    public void nothingWithoutLoginAndThePageSendsBrowsersToTheLoginForm() throws Exception {
        HttpResponse<String> api = client().get("api/v1/datapoints");
        assertEquals(401, api.statusCode());
        assertTrue(api.body(), ApiClient.json(api).path("error").asText().startsWith("login required"));
        assertEquals(401, client().get("metrics").statusCode());
        assertEquals(401, client().get("api/v1/events").statusCode());

        HttpResponse<String> page = client().get("");
        assertTrue(page.statusCode() + " " + page.headers().map(), page.statusCode() == 302 || page.statusCode() == 303);
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/bemgate/login"));
        HttpResponse<String> login = client().get("login");
        assertEquals(200, login.statusCode());
        assertTrue(login.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("the login page's own files are open", 200, client().get("assets/login.js").statusCode());
        assertEquals("code and styles carry no data", 200, client().get("app.js").statusCode());
        int index = client().get("index.html").statusCode();
        assertTrue("the console page itself needs a login, not " + index, index == 302 || index == 303);
        assertEquals(404, client().as("vera").get("nosuch.html").statusCode());
    }

    @Test
    public void wrongPasswordsAreRefusedThenThrottledAndNeverReachTheApi() throws Exception {
        ApiClient c = client();
        HttpResponse<String> wrong = c.login("ada", "guess");
        assertEquals(401, wrong.statusCode());
        assertFalse("no cookie for a failed login", wrong.headers().firstValue("Set-Cookie").isPresent());
        c.login("ada", "guess2");
        c.login("ada", "guess3");
        HttpResponse<String> throttled = c.login("ada", "ada-secret");
        assertEquals("after three failures even the right password waits: " + throttled.body(), 429, throttled.statusCode());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        assertEquals(401, c.get("api/v1/session").statusCode());
        assertEquals("the same address waits for every user name", 429, client().login("otto", "otto-secret").statusCode());
        assertEquals(400, c.send("POST", "login", "{\"user\": \"ada\"}").statusCode());
    }

    @Test
    public void aSessionSeesDatapointsWithFiltersAndPaging() throws Exception {
        ApiClient vera = client().as("vera");
        JsonNode session = ApiClient.json(vera.get("api/v1/session"));
        assertEquals("vera", session.path("user").asText());
        assertEquals("viewer", session.path("role").asText());
        assertEquals(20_000, session.path("maxPageSize").asInt());

        JsonNode all = ApiClient.json(vera.get("api/v1/datapoints"));
        assertEquals(2, all.path("total").asInt());
        JsonNode page = ApiClient.json(vera.get("api/v1/datapoints?type=actuator&limit=1"));
        assertEquals(1, page.path("total").asInt());
        assertEquals("room/set", page.path("items").get(0).path("id").asText());
        JsonNode found = ApiClient.json(vera.get("api/v1/datapoints?q=TEMPERATURE"));
        assertEquals("search covers descriptions, any case", "room/temp", found.path("items").get(0).path("id").asText());
        assertEquals(400, vera.get("api/v1/datapoints?active=maybe").statusCode());

        JsonNode temp = ApiClient.json(vera.get("api/v1/datapoint?id=room/temp"));
        assertEquals(21.5, temp.path("value").path("value").asDouble(), 0);
        assertEquals(404, vera.get("api/v1/datapoint?id=room/nope").statusCode());
        JsonNode latest = ApiClient.json(vera.get("api/v1/values/latest?pattern=room/*"));
        assertTrue(latest.toString(), latest.toString().contains("21.5"));
    }

    @Test
    public void writesNeedTheOperatorRoleAndTheCsrfTokenAndReturnTheDevicesAnswer() throws Exception {
        assertEquals(403, client().as("vera").send("POST", "api/v1/datapoint/value?id=room/set", "{\"value\": 20}").statusCode());
        HttpResponse<String> forged = client().as("otto").withoutCsrf().send("POST", "api/v1/datapoint/value?id=room/set",
                "{\"value\": 20}");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body(), forged.body().contains("X-CSRF-Token"));
        assertTrue("nothing reached the device", written.isEmpty());

        ApiClient otto = client().as("otto");
        HttpResponse<String> ok = otto.send("POST", "api/v1/datapoint/value?id=room/set", "{\"value\": 20}");
        assertEquals(ok.body(), 200, ok.statusCode());
        assertEquals("ACCEPTED", ApiClient.json(ok).path("status").asText());
        HttpResponse<String> rejected = otto.send("POST", "api/v1/datapoint/value?id=room/set", "{\"value\": 13}");
        assertEquals(409, rejected.statusCode());
        assertEquals("13 is unlucky", ApiClient.json(rejected).path("reason").asText());
        assertEquals("[20, 13]", written.toString());

        assertEquals("above max_value", 422, otto.send("POST", "api/v1/datapoint/value?id=room/set", "{\"value\": 99}").statusCode());
        assertEquals("a sensor", 422, otto.send("POST", "api/v1/datapoint/value?id=room/temp", "{\"value\": 1}").statusCode());
        assertEquals(400, otto.send("POST", "api/v1/datapoint/value?id=room/set", "{\"valu\": 1}").statusCode());
        assertEquals(400, otto.send("POST", "api/v1/datapoint/value?id=room/set", "not json").statusCode());
        assertEquals("nothing invalid reached the device", "[20, 13]", written.toString());

        HttpResponse<String> upload = otto.send("POST", "api/v1/bundles", "x".repeat(5 << 20));
        assertEquals("an operator's upload is refused before its body is read", 403, upload.statusCode());
        HttpResponse<String> minAboveMax = otto.send("PUT", "api/v1/datapoint/metadata?id=room/set",
                "{\"min_value\": 50, \"max_value\": 30}");
        assertEquals(minAboveMax.body(), 422, minAboveMax.statusCode());

        HttpResponse<String> scripted = client().basic("otto", "otto-secret").send("POST", "api/v1/datapoint/value?id=room/set",
                "{\"value\": 21}");
        assertEquals("scripts use Basic without a CSRF token", 200, scripted.statusCode());
        assertEquals(401, client().basic("otto", "wrong").get("api/v1/session").statusCode());
    }

    @Test
    public void setpointsAndSchedulesAreReplacedAndValidated() throws Exception {
        ApiClient otto = client().as("otto");
        HttpResponse<String> put = otto.send("PUT", "api/v1/datapoint/setpoint?id=room/set",
                "{\"setpoint\": [{\"from_timestamp\": null, \"to_timestamp\": null, \"preferred_value\": 21, "
                        + "\"min_value\": 19, \"max_value\": 25}]}");
        assertEquals(put.body(), 200, put.statusCode());
        JsonNode back = ApiClient.json(otto.get("api/v1/datapoint/setpoint?id=room/set"));
        assertEquals(21, back.path("setpoint").get(0).path("preferred_value").asInt());
        assertEquals(21.0, ((Number) registry.get(SET).orElseThrow().setpoint().items().get(0).preferredValue()).doubleValue(), 0);

        HttpResponse<String> bad = otto.send("PUT", "api/v1/datapoint/schedule?id=room/set", "{\"schedule\": [{\"value\": 99}]}");
        assertEquals(bad.body(), 422, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("99"));
        assertEquals(null, registry.get(SET).orElseThrow().schedule());
        assertEquals(403, client().as("vera").send("PUT", "api/v1/datapoint/schedule?id=room/set",
                "{\"schedule\": []}").statusCode());
    }

    @Test
    public void activationIsAllOrNothing() throws Exception {
        ApiClient otto = client().as("otto");
        HttpResponse<String> unknown = otto.send("POST", "api/v1/datapoints/activation",
                "{\"ids\": [\"room/temp\", \"room/nope\"], \"active\": true}");
        assertEquals(404, unknown.statusCode());
        assertFalse(registry.get(TEMP).orElseThrow().active());
        HttpResponse<String> ok = otto.send("POST", "api/v1/datapoints/activation", "{\"ids\": [\"room/temp\", \"room/set\"], \"active\": true}");
        assertEquals(ok.body(), 200, ok.statusCode());
        assertTrue(registry.get(TEMP).orElseThrow().active() && registry.get(SET).orElseThrow().active());
    }

    @Test
    public void theLiveStreamCarriesNewValues() throws Exception {
        ApiClient vera = client().as("vera");
        HttpResponse<InputStream> stream = vera.http().send(HttpRequest.newBuilder(server.base().resolve("api/v1/events?pattern=room/*"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null;) {
                    if (l.startsWith("data: ") && l.contains("22.25")) {
                        return l;
                    }
                }
                return "stream ended";
            } catch (Exception e) {
                return e.toString();
            }
        });
        // Publish until the stream, which may still be subscribing, has seen one.
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!line.isDone() && System.nanoTime() < end) {
            registry.publish(TEMP, new Value(22.25, System.currentTimeMillis()));
            Thread.sleep(100);
        }
        String data = line.get(1, TimeUnit.SECONDS);
        JsonNode frame = ApiClient.JSON.readTree(data.substring(6));
        JsonNode event = frame.path("events").get(0);
        assertEquals("value", event.path("type").asText());
        assertEquals("room/temp", event.path("id").asText());
        assertEquals(0, frame.path("dropped").asInt());
    }

    @Test
    public void metricsAndTheOpenApiDocumentDescribeTheGateway() throws Exception {
        ApiClient vera = client().as("vera");
        HttpResponse<String> metrics = vera.get("metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body(), metrics.body().contains("bemgate_connector_status{connector=\"room\",protocol=\"test\",status=\"ONLINE\"} 1"));
        assertTrue(metrics.body(), metrics.body().contains("bemgate_connector_polls_total{connector=\"room\",protocol=\"test\"} 7"));
        assertTrue(metrics.body(), metrics.body().contains("bemgate_datapoints 2"));
        assertTrue(metrics.body(), metrics.body().contains("# TYPE bemgate_registry_values_published_total counter\n"
                + "bemgate_registry_values_published_total 1\n"));

        JsonNode openapi = ApiClient.json(vera.get("api/v1/openapi.json"));
        assertTrue(openapi.path("openapi").asText().startsWith("3."));
        assertTrue(openapi.path("paths").has("/api/v1/datapoints"));
        assertTrue(openapi.path("paths").path("/api/v1/datapoint/value").has("post"));
        assertTrue(openapi.path("paths").has("/api/v1/events"));

        JsonNode connectors = ApiClient.json(vera.get("api/v1/connectors"));
        assertTrue(connectors.toString(), connectors.toString().contains("ONLINE"));
    }

    @Test
    public void logoutEndsTheSession() throws Exception {
        ApiClient otto = client().as("otto");
        assertEquals(200, otto.get("api/v1/session").statusCode());
        HttpResponse<String> out = otto.send("POST", "logout", null);
        assertTrue(out.statusCode() + " " + out.body(), out.statusCode() < 400);
        assertEquals(401, otto.get("api/v1/session").statusCode());
    }
}
