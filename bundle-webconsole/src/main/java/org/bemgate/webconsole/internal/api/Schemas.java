package org.bemgate.webconsole.internal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON schemas of the OpenAPI document. */
final class Schemas {

    private static final Map<String, Object> ANY = Map.of("description", "any JSON value", "nullable", true);
    private static final Map<String, Object> SCHEMAS = build();

    private Schemas() {
    }

    static Map<String, Object> all() {
        return SCHEMAS;
    }

    static boolean has(String name) {
        return SCHEMAS.containsKey(name);
    }

    static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> build() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Error", obj(Map.of("error", str())));
        s.put("Value", obj(Map.of("value", ANY, "timestamp", integer("epoch ms; defaults to now when writing"))));
        s.put("Datapoint", obj(props("id", str(), "connector", str(), "key", str(), "number", integer("registry number"),
                "type", Map.of("type", "string", "enum", List.of("sensor", "actuator")), "active", bool(),
                "data_format", str(), "unit", str(), "description", str(), "short_name", str(),
                "min_value", num(), "max_value", num(), "allowed_values", Map.of("type", "array", "items", ANY, "nullable", true),
                "example_value", ANY, "value", ref("Value"), "setpoint", ref("Setpoint"), "schedule", ref("Schedule"))));
        s.put("DatapointPage", obj(Map.of("total", integer("matching datapoints"), "offset", integer(""),
                "limit", integer(""), "items", Map.of("type", "array", "items", ref("Datapoint")))));
        s.put("MetadataEdit", obj(props("data_format", str(), "unit", str(), "description", str(), "short_name", str(),
                "min_value", num(), "max_value", num(), "allowed_values", Map.of("type", "array", "items", ANY))));
        s.put("Activation", obj(Map.of("ids", Map.of("type", "array", "items", str()), "active", bool())));
        s.put("IdList", obj(Map.of("ids", Map.of("type", "array", "items", str()))));
        s.put("LatestValues", obj(Map.of("values", Map.of("type", "object", "additionalProperties", ref("Value")))));
        s.put("History", obj(props("id", str(), "kind", str(), "from", integer(""), "to", integer(""),
                "interval", integer("ms, 0 = raw"), "aggregation", str(),
                "points", Map.of("type", "array", "items", obj(Map.of("timestamp", integer(""), "value", ANY))))));
        s.put("WriteOutcome", obj(Map.of("id", str(), "status",
                Map.of("type", "string", "enum", List.of("ACCEPTED", "REJECTED", "FAILED")), "reason", str())));
        s.put("Setpoint", obj(Map.of("timestamp", integer("epoch ms"), "setpoint", Map.of("type", "array", "nullable", true,
                "items", obj(props("from_timestamp", integer(""), "to_timestamp", integer(""), "preferred_value", ANY,
                        "acceptable_values", Map.of("type", "array", "items", ANY, "nullable", true),
                        "min_value", num(), "max_value", num()))))));
        s.put("Schedule", obj(Map.of("timestamp", integer("epoch ms"), "schedule", Map.of("type", "array", "nullable", true,
                "items", obj(Map.of("from_timestamp", integer(""), "to_timestamp", integer(""), "value", ANY))))));
        s.put("Connector", obj(props("name", str(), "protocol", str(),
                "status", Map.of("type", "string", "enum", List.of("STARTING", "ONLINE", "DEGRADED", "OFFLINE", "FAILED")),
                "reason", str(), "since", integer("epoch ms"), "lastGoodExchange", integer("epoch ms, 0 = never"),
                "counters", Map.of("type", "object", "additionalProperties", Map.of("type", "integer")),
                "datapoints", integer(""), "activeDatapoints", integer(""))));
        s.put("Problem", obj(Map.of("time", integer("epoch ms"), "source", str(), "severity", str(), "message", str())));
        s.put("ConnectorType", obj(Map.of("factoryPid", str(), "name", str(), "description", str(), "bundle", str(),
                "attributes", Map.of("type", "array", "items", obj(props("id", str(), "name", str(), "description", str(),
                        "type", str(), "cardinality", integer(""), "defaults", Map.of("type", "array", "items", str()),
                        "options", Map.of("type", "array", "items", obj(Map.of("label", str(), "value", str()))),
                        "required", bool()))))));
        s.put("Configuration", obj(Map.of("pid", str(), "factoryPid", str(),
                "properties", Map.of("type", "object", "additionalProperties", ANY))));
        s.put("NewConfiguration", obj(Map.of("factoryPid", str(), "name", str(),
                "properties", Map.of("type", "object", "additionalProperties", ANY))));
        s.put("ConfigurationEdit", obj(Map.of("properties", Map.of("type", "object", "additionalProperties", ANY))));
        s.put("Bundle", obj(props("id", integer(""), "symbolicName", str(), "name", str(), "version", str(), "state", str(),
                "location", str(), "fragment", bool())));
        s.put("BundleChange", obj(Map.of("action", str(), "bundle", ref("Bundle"), "message", str())));
        s.put("Feature", obj(Map.of("name", str(), "version", str(), "description", str(), "installed", bool(),
                "repository", str())));
        s.put("FeatureInstall", obj(Map.of("name", str(), "version", str(), "upgrade", bool())));
        s.put("Repository", obj(Map.of("uri", str())));
        s.put("Session", obj(Map.of("user", str(), "role", str(), "csrfToken", str())));
        s.put("Login", obj(Map.of("user", str(), "password", str())));
        return s;
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> obj(Map<String, Object> properties) {
        return Map.of("type", "object", "properties", properties);
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> bool() {
        return Map.of("type", "boolean");
    }

    private static Map<String, Object> num() {
        return Map.of("type", "number", "nullable", true);
    }

    private static Map<String, Object> integer(String description) {
        return description.isEmpty() ? Map.of("type", "integer", "format", "int64")
                : Map.of("type", "integer", "format", "int64", "description", description);
    }
}
