package org.bemgate.core.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON text of values and messages in BEMCom's shapes, for the database and for anything else in
 * core that stores or prints them. Values are plain Java JSON values (null, Boolean, Number,
 * String, List, Map); numbers read back as Integer, Long or Double as Jackson finds them.
 */
public final class MessageJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private MessageJson() {
    }

    /**
     * @param value a JSON value
     * @return its JSON text
     * @throws IllegalArgumentException if the object is not a JSON value
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param json JSON text
     * @return the JSON value it holds
     * @throws IllegalArgumentException if the text is not JSON
     */
    public static Object read(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return BEMCom's {@code {"value": ..., "timestamp": ...}} */
    public static Map<String, Object> toMap(Value v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("timestamp", v.timestamp());
        return m;
    }

    /** @return BEMCom's {@code {"setpoint": [...], "timestamp": ...}} */
    public static Map<String, Object> toMap(Setpoint s) {
        List<Object> items = new ArrayList<>();
        for (SetpointItem i : s.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_timestamp", i.fromTimestamp());
            m.put("to_timestamp", i.toTimestamp());
            m.put("preferred_value", i.preferredValue());
            // A key present with null means something to the controller, so flexibility decides the keys.
            if (i.acceptableValues() != null || i.flexibility() == SetpointItem.Flexibility.DISCRETE) {
                m.put("acceptable_values", i.acceptableValues());
            }
            boolean continuous = i.flexibility() == SetpointItem.Flexibility.CONTINUOUS;
            if (i.minValue() != null || continuous) {
                m.put("min_value", i.minValue());
            }
            if (i.maxValue() != null || continuous) {
                m.put("max_value", i.maxValue());
            }
            items.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setpoint", items);
        m.put("timestamp", s.timestamp());
        return m;
    }

    /** @return BEMCom's {@code {"schedule": [...], "timestamp": ...}} */
    public static Map<String, Object> toMap(Schedule s) {
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
     * Reads BEMCom's setpoint message shape.
     *
     * @param m the parsed JSON object
     * @return the setpoint
     * @throws IllegalArgumentException naming the key that is missing or of the wrong type
     */
    public static Setpoint setpointFromMap(Map<?, ?> m) {
        List<SetpointItem> items = new ArrayList<>();
        for (Object o : list(m.get("setpoint"), "setpoint")) {
            Map<?, ?> i = object(o, "setpoint item");
            SetpointItem.Flexibility flexibility = i.containsKey("acceptable_values") ? SetpointItem.Flexibility.DISCRETE
                    : i.containsKey("min_value") && i.containsKey("max_value") ? SetpointItem.Flexibility.CONTINUOUS
                    : SetpointItem.Flexibility.NONE;
            items.add(new SetpointItem(optLong(i, "from_timestamp"), optLong(i, "to_timestamp"), i.get("preferred_value"),
                    i.get("acceptable_values") == null ? null
                            : new ArrayList<Object>(list(i.get("acceptable_values"), "acceptable_values")),
                    optDouble(i, "min_value"), optDouble(i, "max_value"), flexibility));
        }
        return new Setpoint(items, requiredLong(m, "timestamp"));
    }

    /**
     * Reads BEMCom's schedule message shape.
     *
     * @param m the parsed JSON object
     * @return the schedule
     * @throws IllegalArgumentException naming the key that is missing or of the wrong type
     */
    public static Schedule scheduleFromMap(Map<?, ?> m) {
        List<ScheduleItem> items = new ArrayList<>();
        for (Object o : list(m.get("schedule"), "schedule")) {
            Map<?, ?> i = object(o, "schedule item");
            items.add(new ScheduleItem(optLong(i, "from_timestamp"), optLong(i, "to_timestamp"), i.get("value")));
        }
        return new Schedule(items, requiredLong(m, "timestamp"));
    }

    /**
     * Reads BEMCom's value message shape.
     *
     * @param m the parsed JSON object
     * @return the value
     */
    public static Value valueFromMap(Map<?, ?> m) {
        if (!m.containsKey("value")) {
            throw new IllegalArgumentException("'value' is missing");
        }
        return new Value(m.get("value"), requiredLong(m, "timestamp"));
    }

    /** @return the setpoint as JSON text */
    public static String writeSetpoint(Setpoint s) {
        return write(toMap(s));
    }

    /** @return the schedule as JSON text */
    public static String writeSchedule(Schedule s) {
        return write(toMap(s));
    }

    /** @return the setpoint held by the JSON text */
    public static Setpoint readSetpoint(String json) {
        return setpointFromMap(object(read(json), "setpoint message"));
    }

    /** @return the schedule held by the JSON text */
    public static Schedule readSchedule(String json) {
        return scheduleFromMap(object(read(json), "schedule message"));
    }

    private static Map<?, ?> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<?, ?>) o;
    }

    private static List<?> list(Object o, String what) {
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("'" + what + "' must be a JSON list");
        }
        return (List<?>) o;
    }

    private static long requiredLong(Map<?, ?> m, String key) {
        Long v = optLong(m, key);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return v;
    }

    private static Long optLong(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be an integer of epoch milliseconds, not " + write(v));
    }

    private static Double optDouble(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be a number, not " + write(v));
    }
}
