package org.bemgate.mqtt.internal.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BEMCom's flattening of a parsed message into datapoint keys (bemcom-contracts.md §3): nested
 * objects join their keys with {@code __}, a list inside gives each element its index. A leaf keeps
 * its JSON value; empty objects and lists give no key.
 */
public final class Flattener {

    /** The separator BEMCom puts between nesting levels. */
    public static final String SEPARATOR = "__";

    private Flattener() {
    }

    /**
     * @param prefix the key of {@code value} itself (for the remote-MQTT connector: the topic)
     * @param value a JSON value
     * @return key → leaf value, in document order
     */
    public static Map<String, Object> flatten(String prefix, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        add(out, prefix, value);
        return out;
    }

    private static void add(Map<String, Object> out, String key, Object value) {
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                add(out, key + SEPARATOR + e.getKey(), e.getValue());
            }
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                add(out, key + SEPARATOR + i, list.get(i));
            }
        } else {
            out.put(key, value);
        }
    }
}
