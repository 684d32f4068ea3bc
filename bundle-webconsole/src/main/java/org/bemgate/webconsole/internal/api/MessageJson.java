package org.bemgate.webconsole.internal.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values, setpoints and schedules in BEMCom's message shapes with plain JSON values
 * ({@code {"setpoint": [...], "timestamp": ...}}), both ways. Shape errors are 400s naming the key.
 */
public final class MessageJson {

    private static final Set<String> SETPOINT_KEYS = Set.of("from_timestamp", "to_timestamp", "preferred_value",
            "acceptable_values", "min_value", "max_value");
    private static final Set<String> SCHEDULE_KEYS = Set.of("from_timestamp", "to_timestamp", "value");

    private MessageJson() {
    }

    /** @param v a value, or null @return {@code {"value": ..., "timestamp": ...}} or null */
    public static Map<String, Object> value(Value v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("timestamp", v.timestamp());
        return m;
    }

    /** @param s a setpoint, or null @return BEMCom's setpoint message, or null */
    public static Map<String, Object> setpoint(Setpoint s) {
        if (s == null) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        for (SetpointItem i : s.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_timestamp", i.fromTimestamp());
            m.put("to_timestamp", i.toTimestamp());
            m.put("preferred_value", i.preferredValue());
            m.put("acceptable_values", i.acceptableValues());
            m.put("min_value", i.minValue());
            m.put("max_value", i.maxValue());
            items.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setpoint", items);
        m.put("timestamp", s.timestamp());
        return m;
    }

    /** @param s a schedule, or null @return BEMCom's schedule message, or null */
    public static Map<String, Object> schedule(Schedule s) {
        if (s == null) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        for (ScheduleItem i : s.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_timestamp", i.fromTimestamp());
            m.put("to_timestamp", i.toTimestamp());
            m.put("value", i.value());
            items.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schedule", items);
        m.put("timestamp", s.timestamp());
        return m;
    }

    /**
     * @param body {@code {"value": ..., "timestamp": ...}}; the timestamp may be left out
     * @param now the timestamp to use if it is
     * @return the value
     */
    public static Value parseValue(JsonNode body, long now) {
        object(body, "request body");
        if (!body.has("value")) {
            throw new ApiException(400, "missing key 'value' (use {\"value\": null} to write null)");
        }
        unknownKeys(body, Set.of("value", "timestamp"), "value message");
        return new Value(Json.toValue(body.get("value")), optLong(body, "timestamp", now));
    }

    /**
     * @param body BEMCom's setpoint message; the timestamp may be left out
     * @param now the timestamp to use if it is
     * @return the setpoint
     */
    public static Setpoint parseSetpoint(JsonNode body, long now) {
        object(body, "request body");
        unknownKeys(body, Set.of("setpoint", "timestamp"), "setpoint message");
        List<SetpointItem> items = new ArrayList<>();
        for (JsonNode i : array(body.get("setpoint"), "setpoint")) {
            object(i, "setpoint item");
            unknownKeys(i, SETPOINT_KEYS, "setpoint item");
            JsonNode acc = i.get("acceptable_values");
            List<Object> acceptable = null;
            if (acc != null && !acc.isNull()) {
                acceptable = new ArrayList<>();
                for (JsonNode a : array(acc, "acceptable_values")) {
                    acceptable.add(Json.toValue(a));
                }
            }
            items.add(new SetpointItem(optLong(i, "from_timestamp", null), optLong(i, "to_timestamp", null),
                    Json.toValue(i.get("preferred_value")), acceptable, optDouble(i, "min_value"), optDouble(i, "max_value")));
        }
        return new Setpoint(items, optLong(body, "timestamp", now));
    }

    /**
     * @param body BEMCom's schedule message; the timestamp may be left out
     * @param now the timestamp to use if it is
     * @return the schedule
     */
    public static Schedule parseSchedule(JsonNode body, long now) {
        object(body, "request body");
        unknownKeys(body, Set.of("schedule", "timestamp"), "schedule message");
        List<ScheduleItem> items = new ArrayList<>();
        for (JsonNode i : array(body.get("schedule"), "schedule")) {
            object(i, "schedule item");
            unknownKeys(i, SCHEDULE_KEYS, "schedule item");
            items.add(new ScheduleItem(optLong(i, "from_timestamp", null), optLong(i, "to_timestamp", null),
                    Json.toValue(i.get("value"))));
        }
        return new Schedule(items, optLong(body, "timestamp", now));
    }

    static void object(JsonNode n, String what) {
        if (n == null || !n.isObject()) {
            throw new ApiException(400, what + " must be a JSON object");
        }
    }

    static Iterable<JsonNode> array(JsonNode n, String key) {
        if (n == null || !n.isArray()) {
            throw new ApiException(400, "'" + key + "' must be a JSON array");
        }
        return n;
    }

    static void unknownKeys(JsonNode n, Set<String> allowed, String what) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ApiException(400, "unknown key '" + k + "' in " + what + ": allowed are " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    static Long optLong(JsonNode n, String key, Long dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new ApiException(400, "'" + key + "' must be an integer (epoch milliseconds)");
        }
        return v.asLong();
    }

    static Double optDouble(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new ApiException(400, "'" + key + "' must be a number");
        }
        return v.asDouble();
    }
}
