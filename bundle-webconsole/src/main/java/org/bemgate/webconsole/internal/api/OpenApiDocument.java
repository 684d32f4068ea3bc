package org.bemgate.webconsole.internal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of the REST API, generated from the route table so it never disagrees with
 * the code, plus the two endpoints outside it (the event stream and the metrics).
 */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    /**
     * @param routes the REST routes
     * @param contextPath the console's path, such as {@code /bemgate}
     * @return the document as JSON-ready maps
     */
    public static Map<String, Object> build(List<Route> routes, String contextPath) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "bemgate REST API", "version", "1",
                "description", "Datapoints, values, history, connectors, configurations and bundles of a bemgate gateway. "
                        + "Values are plain JSON values. Datapoint ids (<connector>/<key>, keys may contain '/') go in the "
                        + "query parameter 'id', URL-encoded. Authenticate with HTTP Basic, or log in at "
                        + contextPath + "/login and send the session cookie plus the X-CSRF-Token header on every "
                        + "POST, PUT and DELETE. Roles: viewer reads, operator also writes values, setpoints, schedules "
                        + "and activation, admin also manages configurations, bundles and features. Errors are "
                        + "{\"error\": \"...\"}: 400 malformed, 401 no login, 403 wrong role or CSRF token, 404 unknown, "
                        + "409 conflict, 422 invalid value, 503 service missing."));
        doc.put("servers", List.of(Map.of("url", contextPath)));
        Map<String, Object> paths = new TreeMap<>();
        for (Route r : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent("/api/v1" + r.template(),
                    k -> new LinkedHashMap<>());
            item.put(r.method().toLowerCase(java.util.Locale.ROOT), operation(r));
        }
        paths.put("/api/v1/events", Map.of("get", Map.of("tags", List.of("events"),
                "summary", "Live events as Server-Sent Events: each frame is data: {\"events\": [...], \"dropped\": n}; "
                        + "event types value, setpoint, schedule, metadata, activation, removed, health, bundle",
                "parameters", List.of(param(new Route.Param("pattern", "string", false, "glob over datapoint ids")),
                        param(new Route.Param("types", "string", false, "comma-separated event types"))),
                "x-role", "viewer",
                "responses", Map.of("200", Map.of("description", "the stream", "content",
                        Map.of("text/event-stream", Map.of("schema", Map.of("type", "string"))))))));
        paths.put("/metrics", Map.of("get", Map.of("tags", List.of("metrics"),
                "summary", "Prometheus text metrics: connectors, registry, JVM", "x-role", "viewer",
                "responses", Map.of("200", Map.of("description", "metrics", "content",
                        Map.of("text/plain", Map.of("schema", Map.of("type", "string"))))))));
        doc.put("paths", paths);
        doc.put("components", Map.of("securitySchemes", Map.of(
                "basic", Map.of("type", "http", "scheme", "basic"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "BEMGATE_SESSION")),
                "schemas", Schemas.all()));
        doc.put("security", List.of(Map.of("basic", List.of()), Map.of("session", List.of())));
        return doc;
    }

    private static Map<String, Object> operation(Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(r.tag()));
        op.put("summary", r.summary());
        op.put("x-role", r.role().jsonName());
        List<Object> params = new ArrayList<>();
        for (String seg : r.template().split("/")) {
            if (seg.startsWith("{")) {
                params.add(Map.of("name", seg.substring(1, seg.length() - 1), "in", "path", "required", true,
                        "schema", Map.of("type", "string")));
            }
        }
        for (Route.Param p : r.params()) {
            params.add(param(p));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (r.requestBody() != null) {
            Map<String, Object> content = "binary".equals(r.requestBody())
                    ? Map.of("application/java-archive", Map.of("schema", Map.of("type", "string", "format", "binary")),
                            "multipart/form-data", Map.of("schema", Map.of("type", "object", "properties",
                                    Map.of("file", Map.of("type", "string", "format", "binary")))))
                    : Map.of("application/json", Map.of("schema", Schemas.ref(r.requestBody())));
            op.put("requestBody", Map.of("required", true, "content", content));
        }
        Map<String, Object> responses = new TreeMap<>();
        r.responses().forEach((status, what) -> {
            Map<String, Object> resp = new LinkedHashMap<>();
            resp.put("description", what);
            String schema = what.split(":")[0].trim();
            if (Schemas.has(schema.replace("[]", ""))) {
                Map<String, Object> s = schema.endsWith("[]")
                        ? Map.of("type", "array", "items", Schemas.ref(schema.replace("[]", "")))
                        : Schemas.ref(schema);
                resp.put("content", Map.of("application/json", Map.of("schema", s)));
            }
            responses.put(String.valueOf(status), resp);
        });
        responses.putIfAbsent("401", Map.of("description", "no login"));
        responses.putIfAbsent("403", Map.of("description", "the user lacks the role " + r.role().jsonName()));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> param(Route.Param p) {
        return Map.of("name", p.name(), "in", "query", "required", p.required(), "description", p.description(),
                "schema", Map.of("type", p.type()));
    }
}
