package org.bemgate.core.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.core.internal.json.MessageJson;

/**
 * Reads the items argument of {@code bem:setpoint} and {@code bem:schedule}: either BEMCom's whole
 * message ({@code {"setpoint": [...], "timestamp": ...}}) or just its list of items, stamped now.
 */
final class ItemsArgument {

    private ItemsArgument() {
    }

    /**
     * @param text the argument
     * @param key {@code setpoint} or {@code schedule}
     * @param now the timestamp for a bare list
     * @return the message as a map, ready for {@link MessageJson}
     * @throws IllegalArgumentException if the text is not JSON of either shape
     */
    static Map<?, ?> message(String text, String key, long now) {
        Object parsed = MessageJson.read(text);
        if (parsed instanceof Map) {
            return (Map<?, ?>) parsed;
        }
        if (parsed instanceof List) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, parsed);
            m.put("timestamp", now);
            return m;
        }
        throw new IllegalArgumentException("give the " + key + " items as a JSON list, e.g. " + example(key));
    }

    static String example(String key) {
        return "setpoint".equals(key)
                ? "'[{\"preferred_value\": 21, \"min_value\": 19, \"max_value\": 25}]'"
                : "'[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 22}]'";
    }
}
