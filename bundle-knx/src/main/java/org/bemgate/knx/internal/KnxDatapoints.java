package org.bemgate.knx.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.knx.internal.dpt.DptCodec;
import org.bemgate.knx.internal.dpt.DptException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.KNXFormatException;

/**
 * BEMCom's {@code KNX_DATAPOINTS}, accepted unchanged:
 * {@code {"sensor": {"2/3/111": "DPST-3-7", …}, "actuator": {"2/3/113": "DPST-1-1", …}}}.
 *
 * <p>The datapoint key is the group address as written. bemgate identifies a datapoint by connector and
 * key only, so an address listed under both {@code sensor} and {@code actuator} (BEMCom's example has one)
 * becomes one actuator whose bus values are also published, as feedback; both entries must then name the
 * same type.
 */
public final class KnxDatapoints {

    /**
     * One group address.
     *
     * @param key the group address as configured, the datapoint key
     * @param address the 16-bit group address
     * @param codec its datapoint type
     * @param sensor true if listed under {@code sensor}: its bus values are published, and it is read at start-up
     * @param actuator true if listed under {@code actuator}: it can be written
     */
    public record Entry(String key, int address, DptCodec codec, boolean sensor, boolean actuator) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Entry> byKey;
    private final Map<Integer, Entry> byAddress;

    private KnxDatapoints(Map<String, Entry> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
        Map<Integer, Entry> a = new HashMap<>();
        byKey.values().forEach(e -> a.put(e.address(), e));
        this.byAddress = Collections.unmodifiableMap(a);
    }

    /**
     * @param json the {@code KNX_DATAPOINTS} text
     * @return the datapoints
     * @throws IllegalArgumentException naming the entry and group address that is wrong
     */
    public static KnxDatapoints parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected BEMCom's KNX_DATAPOINTS object {\"sensor\": {\"<group address>\": "
                    + "\"<DPT>\"}, \"actuator\": {…}}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String n = names.next();
            if (!n.equals("sensor") && !n.equals("actuator")) {
                throw new IllegalArgumentException("unknown entry '" + n + "': expected 'sensor' and 'actuator'");
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<Integer, String> keyOfAddress = new HashMap<>();
        for (String type : List.of("sensor", "actuator")) {
            JsonNode group = root.get(type);
            if (group == null || group.isNull()) {
                continue;
            }
            if (!group.isObject()) {
                throw new IllegalArgumentException("'" + type + "' must map group addresses to DPTs, not " + group);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = group.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                add(entries, keyOfAddress, type, f.getKey(), f.getValue());
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no group address under 'sensor' or 'actuator'");
        }
        return new KnxDatapoints(entries);
    }

    private static void add(Map<String, Entry> entries, Map<Integer, String> keyOfAddress, String type, String key,
            JsonNode dptNode) {
        String where = type + " " + key;
        int address;
        try {
            address = new GroupAddress(key).getRawAddress();
        } catch (KNXFormatException | RuntimeException e) {
            throw new IllegalArgumentException(where + ": '" + key + "' is not a group address such as 2/3/111");
        }
        if (!dptNode.isTextual()) {
            throw new IllegalArgumentException(where + ": the DPT must be a string such as \"DPST-9-1\", not " + dptNode);
        }
        DptCodec codec;
        try {
            codec = DptCodec.of(dptNode.asText());
        } catch (DptException e) {
            throw new IllegalArgumentException("group address " + key + " (" + type + "): " + e.getMessage());
        }
        String sameAddress = keyOfAddress.putIfAbsent(address, key);
        if (sameAddress != null && !sameAddress.equals(key)) {
            throw new IllegalArgumentException(where + ": the same group address as '" + sameAddress + "'; write it one way");
        }
        boolean sensor = type.equals("sensor");
        Entry before = entries.get(key);
        if (before == null) {
            entries.put(key, new Entry(key, address, codec, sensor, !sensor));
            return;
        }
        if (!before.codec().name().equals(codec.name())) {
            throw new IllegalArgumentException("group address " + key + " is a sensor of " + before.codec().name()
                    + " and an actuator of " + codec.name() + "; one datapoint has one type");
        }
        entries.put(key, new Entry(key, address, before.codec(), true, true));
    }

    /** @return every datapoint, in the order configured (sensors first) */
    public Collection<Entry> entries() {
        return byKey.values();
    }

    /** @param key a datapoint key @return its entry, or null */
    public Entry byKey(String key) {
        return byKey.get(key);
    }

    /** @param address a 16-bit group address @return its entry, or null */
    public Entry byAddress(int address) {
        return byAddress.get(address);
    }

    /** @return the entries read at start-up and on reconnect: every sensor */
    public List<Entry> sensors() {
        List<Entry> s = new ArrayList<>();
        for (Entry e : byKey.values()) {
            if (e.sensor()) {
                s.add(e);
            }
        }
        return s;
    }
}
