package org.bemgate.webconsole.internal.api;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.auth.Role;
import org.bemgate.webconsole.internal.platform.ConnectorConfigs;

import com.fasterxml.jackson.databind.JsonNode;

/** Connector configurations through Config Admin, with metatype forms; 503 where Config Admin is missing. */
public final class ConfigurationResource {

    private final Console console;

    /** @param console the shared console state */
    public ConfigurationResource(Console console) {
        this.console = console;
    }

    /** @return the endpoints */
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/connector-types", Role.VIEWER, "configurations",
                        "Configurable connector kinds with their metatype form (empty without a metatype service)",
                        List.of(), null, Map.of(200, "ConnectorType[]", 503, "no Config Admin"), r -> configs().types()),
                new Route("GET", "/configurations", Role.VIEWER, "configurations", "Connector configurations; secrets masked",
                        List.of(new Route.Param("factoryPid", "string", false, "only this kind")), null,
                        Map.of(200, "Configuration[]", 503, "no Config Admin"), r -> configs().list(r.param("factoryPid"))),
                new Route("GET", "/configurations/{pid}", Role.VIEWER, "configurations", "One configuration", List.of(), null,
                        Map.of(200, "Configuration", 404, "unknown"), r -> configs().get(r.pathParam("pid"))
                                .orElseThrow(() -> new NoSuchElementException("no connector configuration '" + r.pathParam("pid") + "'"))),
                new Route("POST", "/configurations", Role.ADMIN, "configurations",
                        "Create a connector configuration: {factoryPid, name, properties}", List.of(), "NewConfiguration",
                        Map.of(201, "Configuration", 409, "exists", 422, "invalid property"), this::create),
                new Route("PUT", "/configurations/{pid}", Role.ADMIN, "configurations",
                        "Replace a configuration's properties: {properties}; a masked secret keeps its value", List.of(),
                        "ConfigurationEdit", Map.of(200, "Configuration", 404, "unknown", 422, "invalid property"), this::update),
                new Route("DELETE", "/configurations/{pid}", Role.ADMIN, "configurations", "Delete a configuration", List.of(),
                        null, Map.of(200, "{deleted: pid}", 404, "unknown"), this::delete));
    }

    private ConnectorConfigs configs() {
        ConnectorConfigs c = console.configs();
        if (c == null) {
            throw new ApiException(503, "configurations are not available: Config Admin is not running");
        }
        return c;
    }

    private Object create(ApiRequest r) {
        JsonNode body = r.json();
        MessageJson.object(body, "request body");
        MessageJson.unknownKeys(body, java.util.Set.of("factoryPid", "name", "properties"), "configuration");
        String factoryPid = text(body, "factoryPid");
        String name = text(body, "name");
        return ApiResponse.of(201, configs().create(factoryPid, name, properties(body)));
    }

    private Object update(ApiRequest r) {
        JsonNode body = r.json();
        MessageJson.object(body, "request body");
        return configs().update(r.pathParam("pid"), properties(body));
    }

    private Object delete(ApiRequest r) {
        configs().delete(r.pathParam("pid"));
        return Map.of("deleted", r.pathParam("pid"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(JsonNode body) {
        JsonNode p = body.get("properties");
        if (p == null || !p.isObject()) {
            throw new ApiException(400, "'properties' must be a JSON object");
        }
        return (Map<String, Object>) Json.toValue(p);
    }

    private static String text(JsonNode body, String key) {
        JsonNode n = body.get(key);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ApiException(400, "'" + key + "' must be a non-empty string");
        }
        return n.asText();
    }
}
