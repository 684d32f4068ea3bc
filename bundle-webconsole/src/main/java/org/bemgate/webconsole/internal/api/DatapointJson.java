package org.bemgate.webconsole.internal.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.InvalidMessageException;

import com.fasterxml.jackson.databind.JsonNode;

/** Datapoints as JSON objects, with BEMCom's metadata field names, and metadata edits. */
public final class DatapointJson {

    /** The metadata fields an operator can edit. */
    static final Set<String> EDITABLE = Set.of("data_format", "unit", "description", "short_name", "min_value",
            "max_value", "allowed_values");

    private DatapointJson() {
    }

    /**
     * @param d a datapoint
     * @param full whether to include setpoint and schedule (left out of lists to keep them small)
     * @return its JSON object
     */
    public static Map<String, Object> of(Datapoint d, boolean full) {
        DatapointMetadata md = d.metadata();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", md.id().toString());
        m.put("connector", md.id().connector());
        m.put("key", md.id().key());
        m.put("number", d.number());
        m.put("type", md.type().bemcomName());
        m.put("active", d.active());
        putMetadata(m, md);
        m.put("value", MessageJson.value(d.value()));
        if (full) {
            m.put("setpoint", MessageJson.setpoint(d.setpoint()));
            m.put("schedule", MessageJson.schedule(d.schedule()));
        }
        return m;
    }

    /**
     * Adds the editable and descriptive metadata fields, as lists, pages and metadata events show them.
     *
     * @param m the JSON object being built
     * @param md the metadata
     */
    public static void putMetadata(Map<String, Object> m, DatapointMetadata md) {
        m.put("data_format", md.dataFormat().bemcomName());
        m.put("unit", md.unit());
        m.put("description", md.description());
        m.put("short_name", md.shortName());
        m.put("min_value", md.minValue());
        m.put("max_value", md.maxValue());
        m.put("allowed_values", md.allowedValues());
        m.put("example_value", md.exampleValue());
    }

    /**
     * Applies an edit to metadata: only the keys present change; null clears a field.
     *
     * @param current the stored metadata
     * @param edit a JSON object with keys from {@link #EDITABLE}
     * @return the edited metadata
     */
    public static DatapointMetadata edit(DatapointMetadata current, JsonNode edit) {
        MessageJson.object(edit, "request body");
        DatapointMetadata.Builder b = current.toBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = edit.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "data_format":
                    try {
                        b.dataFormat(v.isNull() ? null : DataFormat.parse(v.asText()));
                    } catch (IllegalArgumentException ex) {
                        throw new InvalidMessageException(ex.getMessage());
                    }
                    break;
                case "unit": b.unit(text(v, "unit")); break;
                case "description": b.description(text(v, "description")); break;
                case "short_name": b.shortName(text(v, "short_name")); break;
                case "min_value": b.minValue(MessageJson.optDouble(edit, "min_value")); break;
                case "max_value": b.maxValue(MessageJson.optDouble(edit, "max_value")); break;
                case "allowed_values":
                    if (v.isNull()) {
                        b.allowedValues(null);
                    } else {
                        List<Object> l = new ArrayList<>();
                        for (JsonNode a : MessageJson.array(v, "allowed_values")) {
                            l.add(Json.toValue(a));
                        }
                        b.allowedValues(l);
                    }
                    break;
                case "id":
                case "type":
                    // Read-only, accepted so a client can send back what it read; the registry refuses a type change.
                    if ("type".equals(e.getKey()) && !v.asText().equalsIgnoreCase(current.type().bemcomName())) {
                        throw new InvalidMessageException("the type of " + current.id() + " cannot change from "
                                + current.type().bemcomName() + " to " + v.asText());
                    }
                    break;
                default:
                    throw new ApiException(400, "unknown or read-only key '" + e.getKey() + "': editable are "
                            + new java.util.TreeSet<>(EDITABLE));
            }
        }
        return b.build();
    }

    private static String text(JsonNode v, String key) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ApiException(400, "'" + key + "' must be a string");
        }
        return v.asText();
    }
}
