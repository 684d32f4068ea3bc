package org.bemgate.mqtt.internal.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * BEMCom's MQTT payloads (bemcom-contracts.md §4), compact UTF-8 JSON with keys in BEMCom's order.
 * Pure: no I/O, no state. Decoders throw {@link MalformedMessageException} naming what is wrong.
 *
 * <p>core has its own codec for its database, but keeps it internal; this one is the bridge's.
 */
public final class BemcomJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private BemcomJson() {
    }

    // ---- encoding ------------------------------------------------------------------------------

    /**
     * @param v a value message
     * @return {@code {"value": ..., "timestamp": ...}}; a value Jackson cannot write is sent as its
     *         text, as BEMCom's template falls back to {@code str(value)}
     */
    public static byte[] value(Value v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("value");
            try {
                g.writeObject(v.value());
            } catch (JsonProcessingException e) {
                g.writeString(String.valueOf(v.value()));
            }
            g.writeNumberField("timestamp", v.timestamp());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return {@code {"this_heartbeats_timestamp": now, "next_heartbeats_timestamp": now + interval}} */
    public static byte[] heartbeat(long now, long intervalMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("this_heartbeats_timestamp", now);
        m.put("next_heartbeats_timestamp", now + intervalMillis);
        return bytes(m);
    }

    /**
     * @param level Python's logging level: 10 DEBUG, 20 INFO, 30 WARNING, 40 ERROR, 50 CRITICAL
     * @return {@code {"timestamp": ..., "msg": ..., "emitter": ..., "level": ...}}
     */
    public static byte[] log(long timestamp, String msg, String emitter, int level) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", timestamp);
        m.put("msg", msg);
        m.put("emitter", emitter);
        m.put("level", level);
        return bytes(m);
    }

    /** @return {@code {"sensor": {key: example}, "actuator": {key: example}}} */
    public static byte[] availableDatapoints(Map<String, Object> sensor, Map<String, Object> actuator) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensor", sensor);
        m.put("actuator", actuator);
        return bytes(m);
    }

    /** @return the map's JSON: {@code sensor} key → topic, {@code actuator} topic → key */
    public static byte[] datapointMap(DatapointMap map) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sensor", map.sensor());
        m.put("actuator", map.actuator());
        return bytes(m);
    }

    /** @return the wrapped raw message real BEMCom connectors send (§4.6) */
    public static byte[] rawMessage(Object rawMessage, long timestamp, String connectorVersion) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("raw_message", rawMessage);
        payload.put("timestamp", timestamp);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payload", payload);
        m.put("connector_version", connectorVersion);
        return bytes(m);
    }

    /** @return {@code {"setpoint": [...], "timestamp": ...}}; keys present as the item's flexibility says */
    public static byte[] setpoint(Setpoint s) {
        List<Object> items = new ArrayList<>();
        for (SetpointItem i : s.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_timestamp", i.fromTimestamp());
            m.put("to_timestamp", i.toTimestamp());
            m.put("preferred_value", i.preferredValue());
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
        return bytes(m);
    }

    /** @return {@code {"schedule": [...], "timestamp": ...}} */
    public static byte[] schedule(Schedule s) {
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
        return bytes(m);
    }

    /**
     * @param value a JSON value
     * @return its compact JSON text
     * @throws IllegalArgumentException if it is not a JSON value
     */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] bytes(Object o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    // ---- decoding ------------------------------------------------------------------------------

    /**
     * @param payload UTF-8 JSON
     * @return the JSON value it holds: null, Boolean, Long, Double, String, List or Map
     * @throws MalformedMessageException if it is not JSON
     */
    public static Object parse(byte[] payload) {
        try {
            return MAPPER.readValue(payload, Object.class);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
            throw new MalformedMessageException("not JSON (" + why + "): " + preview(payload));
        }
    }

    /** @return the value message held by the payload */
    public static Value readValue(byte[] payload) {
        Map<?, ?> m = object(parse(payload), "a value message");
        if (!m.containsKey("value")) {
            throw new MalformedMessageException("'value' is missing");
        }
        return new Value(m.get("value"), requiredLong(m, "timestamp"));
    }

    /** @return the setpoint message held by the payload; {@code "setpoint": null} is an empty setpoint */
    public static Setpoint readSetpoint(byte[] payload) {
        Map<?, ?> m = object(parse(payload), "a setpoint message");
        if (!m.containsKey("setpoint")) {
            throw new MalformedMessageException("'setpoint' is missing");
        }
        List<SetpointItem> items = new ArrayList<>();
        for (Object o : list(m.get("setpoint"), "setpoint")) {
            Map<?, ?> i = object(o, "a setpoint item");
            SetpointItem.Flexibility flexibility = i.containsKey("acceptable_values") ? SetpointItem.Flexibility.DISCRETE
                    : i.containsKey("min_value") && i.containsKey("max_value") ? SetpointItem.Flexibility.CONTINUOUS
                    : SetpointItem.Flexibility.NONE;
            List<Object> acceptable = i.get("acceptable_values") == null ? null
                    : new ArrayList<>(list(i.get("acceptable_values"), "acceptable_values"));
            items.add(new SetpointItem(optLong(i, "from_timestamp"), optLong(i, "to_timestamp"), i.get("preferred_value"),
                    acceptable, optDouble(i, "min_value"), optDouble(i, "max_value"), flexibility));
        }
        return new Setpoint(items, requiredLong(m, "timestamp"));
    }

    /** @return the schedule message held by the payload; {@code "schedule": null} is an empty schedule */
    public static Schedule readSchedule(byte[] payload) {
        Map<?, ?> m = object(parse(payload), "a schedule message");
        if (!m.containsKey("schedule")) {
            throw new MalformedMessageException("'schedule' is missing");
        }
        List<ScheduleItem> items = new ArrayList<>();
        for (Object o : list(m.get("schedule"), "schedule")) {
            Map<?, ?> i = object(o, "a schedule item");
            items.add(new ScheduleItem(optLong(i, "from_timestamp"), optLong(i, "to_timestamp"), i.get("value")));
        }
        return new Schedule(items, requiredLong(m, "timestamp"));
    }

    /**
     * Reads a datapoint map as BEMCom's connector validates it: both sections must be objects; every
     * entry must map a string to a string.
     *
     * @return the map
     */
    public static DatapointMap readDatapointMap(byte[] payload) {
        Map<?, ?> m = object(parse(payload), "a datapoint map");
        return new DatapointMap(strings(m.get("sensor"), "sensor"), strings(m.get("actuator"), "actuator"));
    }

    static Map<?, ?> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new MalformedMessageException(what + " must be a JSON object, not " + (o == null ? "null" : text(o)));
        }
        return (Map<?, ?>) o;
    }

    private static Map<String, String> strings(Object section, String name) {
        if (!(section instanceof Map)) {
            throw new MalformedMessageException("'" + name + "' must be a JSON object" + (section == null ? " and is missing" : ""));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) section).entrySet()) {
            if (String.valueOf(e.getKey()).isEmpty()) {
                throw new MalformedMessageException("'" + name + "' has an empty key");
            }
            if (!(e.getValue() instanceof String) || ((String) e.getValue()).isEmpty()) {
                throw new MalformedMessageException("'" + name + "' entry '" + e.getKey() + "' must map to a non-empty string");
            }
            out.put((String) e.getKey(), (String) e.getValue());
        }
        return out;
    }

    private static List<?> list(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List)) {
            throw new MalformedMessageException("'" + what + "' must be a JSON list");
        }
        return (List<?>) o;
    }

    private static long requiredLong(Map<?, ?> m, String key) {
        Long v = optLong(m, key);
        if (v == null) {
            throw new MalformedMessageException("'" + key + "' is missing");
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
        throw new MalformedMessageException("'" + key + "' must be an integer of epoch milliseconds, not " + text(v));
    }

    private static Double optDouble(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw new MalformedMessageException("'" + key + "' must be a number, not " + text(v));
    }

    /** @return the start of a payload for a log line */
    public static String preview(byte[] payload) {
        String s = new String(payload, 0, Math.min(payload.length, 80), StandardCharsets.UTF_8);
        return "'" + s + (payload.length > 80 ? "…" : "") + "' (" + payload.length + " bytes)";
    }
}
