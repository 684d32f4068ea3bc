package org.bemgate.webconsole.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;

import org.bemgate.core.api.Value;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST endpoints for history, problems, connectors, bundles and features, with their errors. */
public class WebConsolePlatformApiTest {

    private RoomGateway gateway;

    @Before
    public void setUp() throws Exception {
        gateway = new RoomGateway();
    }

    @After
    public void tearDown() throws Exception {
        gateway.close();
    }

    private ApiClient as(String user) throws Exception {
        return new ApiClient(gateway.server.base()).as(user);
    }

    @Test
    public void historyLatestValuesConnectorsAndProblems() throws Exception {
        ApiClient vera = as("vera");
        JsonNode history = ApiClient.json(vera.get("api/v1/datapoint/history?id=room/temp&from=-1h&interval=5m"));
        assertTrue(history.toString(), history.toString().contains("21"));
        assertEquals(400, vera.get("api/v1/datapoint/history?id=room/temp&from=yesterday").statusCode());
        assertEquals(404, vera.get("api/v1/datapoint/history?id=room/nope").statusCode());

        gateway.registry.publish(RoomGateway.TEMP, new Value(19.25, System.currentTimeMillis()));
        HttpResponse<String> latest = vera.send("POST", "api/v1/values/latest", "{\"ids\": [\"room/temp\"]}");
        assertEquals(latest.body(), 200, latest.statusCode());
        assertEquals(19.25, ApiClient.json(latest).path("values").path("room/temp").path("value").asDouble(), 0);
        assertEquals(400, vera.send("POST", "api/v1/values/latest", "{\"ids\": \"room/temp\"}").statusCode());

        JsonNode room = ApiClient.json(vera.get("api/v1/connectors/room"));
        assertEquals("ONLINE", room.path("status").asText());
        assertEquals(404, vera.get("api/v1/connectors/nosuch").statusCode());

        ApiClient otto = as("otto");
        otto.send("POST", "api/v1/datapoint/value?id=room/set", "{\"value\": 13}");
        JsonNode problems = ApiClient.json(vera.get("api/v1/problems"));
        assertTrue("a rejected write is a recent problem: " + problems, problems.toString().contains("13 is unlucky"));
        assertEquals(404, vera.get("api/v1/nosuch").statusCode());
    }

    @Test
    public void bundlesAndFeaturesAreForAdminsAndSayWhatHappened() throws Exception {
        ApiClient vera = as("vera");
        assertTrue(vera.get("api/v1/bundles").body().contains("org.apache.felix.framework"));
        assertEquals(403, vera.send("POST", "api/v1/bundles/0/stop", null).statusCode());
        assertEquals(403, vera.send("POST", "api/v1/features", "{\"name\": \"bemgate-keba\"}").statusCode());

        ApiClient ada = as("ada");
        assertEquals(400, ada.send("POST", "api/v1/bundles/abc/stop", null).statusCode());
        assertEquals(422, ada.send("POST", "api/v1/bundles", "not a jar").statusCode());
        HttpResponse<String> installed = ada.send("POST", "api/v1/features", "{\"name\": \"bemgate-keba\"}");
        assertEquals(installed.body(), 200, installed.statusCode());
        assertTrue(ada.get("api/v1/features").body().contains("\"installed\":true"));
        assertEquals(404, ada.send("POST", "api/v1/features", "{\"name\": \"nosuch\"}").statusCode());
        assertEquals(400, ada.send("POST", "api/v1/features", "{\"name\": \"\"}").statusCode());
        assertEquals(200, ada.send("DELETE", "api/v1/features/bemgate-keba", null).statusCode());
        HttpResponse<String> repo = ada.send("POST", "api/v1/features/repositories", "{\"uri\": \"mvn:x/y/1/xml/features\"}");
        assertEquals(409, repo.statusCode());
        assertTrue(repo.body(), repo.body().contains("cannot reach"));
    }
}
