package org.bemgate.webconsole.internal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.MessageKind;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.history.Aggregation;
import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.api.history.HistoryService;
import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.auth.Role;
import org.bemgate.webconsole.internal.events.ProblemLog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Datapoints, their latest values, history, actuator writes, setpoints and schedules. A datapoint is
 * named by the query parameter {@code id} ({@code <connector>/<key>}, URL-encoded), because keys may
 * contain slashes.
 */
public final class DatapointResource {

    private static final Route.Param ID = new Route.Param("id", "string", true,
            "datapoint id <connector>/<key>, URL-encoded (keys may contain '/')");

    private final Console console;
    private final DatapointRegistry registry;

    /** @param console the shared console state */
    public DatapointResource(Console console) {
        this.console = console;
        this.registry = console.registry();
    }

    /** @return the endpoints */
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/datapoints", Role.VIEWER, "datapoints", "List datapoints with filters and paging",
                        List.of(new Route.Param("pattern", "string", false, "glob over ids: * any run, ? one character"),
                                new Route.Param("connector", "string", false, "exact connector name"),
                                new Route.Param("type", "string", false, "sensor or actuator"),
                                new Route.Param("active", "boolean", false, "true or false"),
                                new Route.Param("q", "string", false, "text in id, short name, description or unit, any case"),
                                new Route.Param("offset", "integer", false, "first item, default 0"),
                                new Route.Param("limit", "integer", false, "most items, default 100")),
                        null, Map.of(200, "DatapointPage", 400, "bad parameter"), this::list),
                new Route("POST", "/datapoints/activation", Role.OPERATOR, "datapoints",
                        "Activate or deactivate datapoints, all or nothing", List.of(), "Activation",
                        Map.of(200, "{changed: n}", 404, "an id is unknown; nothing changed"), this::activation),
                new Route("GET", "/datapoint", Role.VIEWER, "datapoints", "One datapoint with its latest messages",
                        List.of(ID), null, Map.of(200, "Datapoint", 404, "unknown id"), this::get),
                new Route("PUT", "/datapoint/metadata", Role.OPERATOR, "datapoints",
                        "Edit metadata: data_format, unit, description, short_name, min_value, max_value, allowed_values",
                        List.of(ID), "MetadataEdit", Map.of(200, "Datapoint", 404, "unknown id", 422, "refused by the registry"),
                        this::editMetadata),
                new Route("GET", "/values/latest", Role.VIEWER, "values", "Latest values of many datapoints",
                        List.of(new Route.Param("id", "string", false, "repeat for each datapoint"),
                                new Route.Param("pattern", "string", false, "or a glob over ids")),
                        null, Map.of(200, "LatestValues"), this::latest),
                new Route("POST", "/values/latest", Role.VIEWER, "values", "Latest values of many datapoints (ids in the body)",
                        List.of(), "IdList", Map.of(200, "LatestValues"), this::latestPost),
                new Route("GET", "/datapoint/history", Role.VIEWER, "values", "History of one datapoint",
                        List.of(ID, new Route.Param("from", "string", false, "epoch ms, ISO-8601, now or relative (-1h); default -24h"),
                                new Route.Param("to", "string", false, "same forms; default now"),
                                new Route.Param("interval", "string", false, "aggregation interval: 30s, 5m, 1h or ms; default raw"),
                                new Route.Param("aggregation", "string", false, "avg, min, max or last; default avg"),
                                new Route.Param("kind", "string", false, "value, setpoint or schedule; default value"),
                                new Route.Param("limit", "integer", false, "most points")),
                        null, Map.of(200, "History", 404, "unknown id", 503, "no history store running"), this::history),
                new Route("POST", "/datapoint/value", Role.OPERATOR, "values",
                        "Write an actuator value; answers with the connector's WriteOutcome", List.of(ID), "Value",
                        Map.of(200, "WriteOutcome: accepted", 409, "WriteOutcome: rejected by the device",
                                422, "invalid value or a sensor", 502, "WriteOutcome: failed", 504, "no answer in time"),
                        this::write),
                new Route("GET", "/datapoint/setpoint", Role.VIEWER, "values", "The actuator's setpoint (BEMCom shape)",
                        List.of(ID), null, Map.of(200, "Setpoint", 404, "unknown id"), this::getSetpoint),
                new Route("PUT", "/datapoint/setpoint", Role.OPERATOR, "values", "Replace the actuator's setpoint",
                        List.of(ID), "Setpoint", Map.of(200, "Setpoint", 404, "unknown id", 422, "invalid"), this::putSetpoint),
                new Route("GET", "/datapoint/schedule", Role.VIEWER, "values", "The actuator's schedule (BEMCom shape)",
                        List.of(ID), null, Map.of(200, "Schedule", 404, "unknown id"), this::getSchedule),
                new Route("PUT", "/datapoint/schedule", Role.OPERATOR, "values", "Replace the actuator's schedule",
                        List.of(ID), "Schedule", Map.of(200, "Schedule", 404, "unknown id", 422, "invalid"), this::putSchedule));
    }

    private Object list(ApiRequest r) {
        DatapointType type = null;
        if (r.param("type") != null) {
            try {
                type = DatapointType.parse(r.param("type"));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
            }
        }
        Boolean active = null;
        if (r.param("active") != null) {
            String a = r.param("active");
            if (!"true".equalsIgnoreCase(a) && !"false".equalsIgnoreCase(a)) {
                throw new ApiException(400, "parameter 'active' must be true or false, not '" + a + "'");
            }
            active = Boolean.parseBoolean(a);
        }
        int offset = r.intParam("offset", 0, 0, Integer.MAX_VALUE);
        int limit = r.intParam("limit", 100, 1, console.settings().maxPageSize());
        List<Datapoint> found = registry.find(new DatapointFilter(empty(r.param("pattern")), empty(r.param("connector")), type, active));
        String q = empty(r.param("q"));
        if (q != null) {
            String needle = q.toLowerCase(Locale.ROOT);
            found = found.stream().filter(d -> contains(d, needle)).toList();
        }
        List<Object> items = new ArrayList<>();
        for (int i = offset; i < found.size() && items.size() < limit; i++) {
            items.add(DatapointJson.of(found.get(i), false));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", found.size());
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("items", items);
        return page;
    }

    private Object activation(ApiRequest r) {
        JsonNode body = r.json();
        MessageJson.object(body, "request body");
        MessageJson.unknownKeys(body, java.util.Set.of("ids", "active"), "activation");
        JsonNode active = body.get("active");
        if (active == null || !active.isBoolean()) {
            throw new ApiException(400, "'active' must be true or false");
        }
        List<DatapointId> ids = ids(body.get("ids"));
        return Map.of("changed", registry.setActive(ids, active.asBoolean()));
    }

    private Object get(ApiRequest r) {
        return DatapointJson.of(datapoint(r.datapointId()), true);
    }

    private Object editMetadata(ApiRequest r) {
        Datapoint d = datapoint(r.datapointId());
        registry.updateMetadata(DatapointJson.edit(d.metadata(), r.json()));
        return DatapointJson.of(datapoint(d.id()), true);
    }

    private Object latest(ApiRequest r) {
        List<DatapointId> ids = new ArrayList<>();
        for (String s : r.params("id")) {
            ids.add(parse(s));
        }
        if (r.param("pattern") != null) {
            for (Datapoint d : registry.find(DatapointFilter.pattern(r.param("pattern")))) {
                ids.add(d.id());
            }
        }
        return latestValues(ids);
    }

    private Object latestPost(ApiRequest r) {
        JsonNode body = r.json();
        MessageJson.object(body, "request body");
        return latestValues(ids(body.get("ids")));
    }

    private Object latestValues(List<DatapointId> ids) {
        Map<String, Object> values = new LinkedHashMap<>();
        registry.latestValues(ids).forEach((id, v) -> values.put(id.toString(), MessageJson.value(v)));
        return Map.of("values", values);
    }

    private Object history(ApiRequest r) {
        DatapointId id = r.datapointId();
        datapoint(id);
        HistoryService h = console.history();
        if (h == null) {
            throw new ApiException(503, "history is not available: no history store is running");
        }
        long now = console.now();
        long to = TimeParams.time(r.param("to"), "to", now, now);
        long from = TimeParams.time(r.param("from"), "from", now, to - 86_400_000L);
        long interval = r.param("interval") == null || r.param("interval").isBlank() ? 0
                : TimeParams.duration(r.param("interval"), "interval");
        Aggregation aggregation = enumParam(r, "aggregation", Aggregation.class, Aggregation.AVG);
        MessageKind kind = enumParam(r, "kind", MessageKind.class, MessageKind.VALUE);
        int limit = r.intParam("limit", 0, 0, 1_000_000);
        HistoryQuery query;
        try {
            query = new HistoryQuery(id, kind, from, to, interval, aggregation, limit);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        List<Object> points = new ArrayList<>();
        for (HistoryPoint p : h.query(query)) {
            Object v = p.value();
            if (v instanceof Setpoint) {
                v = MessageJson.setpoint((Setpoint) v);
            } else if (v instanceof Schedule) {
                v = MessageJson.schedule((Schedule) v);
            } else if (v instanceof Value) {
                v = ((Value) v).value();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", p.timestamp());
            m.put("value", v);
            points.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id.toString());
        out.put("kind", kind.name().toLowerCase(Locale.ROOT));
        out.put("from", from);
        out.put("to", to);
        out.put("interval", interval);
        out.put("aggregation", interval == 0 ? null : aggregation.name().toLowerCase(Locale.ROOT));
        out.put("points", points);
        return out;
    }

    private Object write(ApiRequest r) throws InterruptedException {
        DatapointId id = r.datapointId();
        Value value = MessageJson.parseValue(r.json(), console.now());
        long timeout = console.settings().writeTimeout().toMillis();
        WriteOutcome outcome;
        try {
            outcome = registry.write(id, value).toCompletableFuture().get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome = null;
        } catch (ExecutionException e) {
            outcome = WriteOutcome.failed(String.valueOf(e.getCause()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        if (outcome == null) {
            body.put("status", "FAILED");
            body.put("reason", "no answer from connector " + id.connector() + " within " + timeout + " ms");
            problem(id, "warning", "write timed out after " + timeout + " ms");
            return ApiResponse.of(504, body);
        }
        body.put("status", outcome.status().name());
        body.put("reason", outcome.reason());
        switch (outcome.status()) {
            case ACCEPTED:
                return ApiResponse.ok(body);
            case REJECTED:
                problem(id, "warning", "write rejected: " + outcome.reason());
                return ApiResponse.of(409, body);
            default:
                problem(id, "error", "write failed: " + outcome.reason());
                return ApiResponse.of(502, body);
        }
    }

    private Object getSetpoint(ApiRequest r) {
        Datapoint d = datapoint(r.datapointId());
        Map<String, Object> m = MessageJson.setpoint(d.setpoint());
        return m != null ? m : nullMessage("setpoint");
    }

    private Object putSetpoint(ApiRequest r) {
        DatapointId id = r.datapointId();
        datapoint(id);
        Setpoint s = MessageJson.parseSetpoint(r.json(), console.now());
        registry.setSetpoint(id, s);
        return MessageJson.setpoint(s);
    }

    private Object getSchedule(ApiRequest r) {
        Datapoint d = datapoint(r.datapointId());
        Map<String, Object> m = MessageJson.schedule(d.schedule());
        return m != null ? m : nullMessage("schedule");
    }

    private Object putSchedule(ApiRequest r) {
        DatapointId id = r.datapointId();
        datapoint(id);
        Schedule s = MessageJson.parseSchedule(r.json(), console.now());
        registry.setSchedule(id, s);
        return MessageJson.schedule(s);
    }

    private Datapoint datapoint(DatapointId id) {
        return registry.get(id).orElseThrow(() -> new UnknownDatapointException(id));
    }

    private void problem(DatapointId id, String severity, String message) {
        console.problems().add(new ProblemLog.Problem(console.now(), id.toString(), severity, message));
    }

    private static Map<String, Object> nullMessage(String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, null);
        m.put("timestamp", null);
        return m;
    }

    private static List<DatapointId> ids(JsonNode node) {
        List<DatapointId> ids = new ArrayList<>();
        for (JsonNode n : MessageJson.array(node, "ids")) {
            if (!n.isTextual()) {
                throw new ApiException(400, "'ids' must hold strings");
            }
            ids.add(parse(n.asText()));
        }
        return ids;
    }

    private static DatapointId parse(String s) {
        try {
            return DatapointId.parse(s);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private static <E extends Enum<E>> E enumParam(ApiRequest r, String name, Class<E> type, E dflt) {
        String v = r.param(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "parameter '" + name + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", not '" + v + "'");
        }
    }

    private static String empty(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static boolean contains(Datapoint d, String needle) {
        return d.id().toString().toLowerCase(Locale.ROOT).contains(needle)
                || d.metadata().shortName() != null && d.metadata().shortName().toLowerCase(Locale.ROOT).contains(needle)
                || d.metadata().description().toLowerCase(Locale.ROOT).contains(needle)
                || d.metadata().unit().toLowerCase(Locale.ROOT).contains(needle);
    }
}
