package org.bemgate.keba.internal.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * BEMCom's {@code KEBA_P30_CHARGE_STATIONS}: {@code {"<station name>": "<ip or DNS name>"}}.
 */
public final class ChargeStations {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * One station.
     *
     * @param name its name, the first part of its datapoint keys
     * @param host its address
     */
    public record Station(String name, String host) {
    }

    private ChargeStations() {
    }

    /**
     * @param json the JSON object
     * @return the stations in the order given
     * @throws IllegalArgumentException saying what is wrong, without the property name
     */
    public static List<Station> parse(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || tree.isEmpty()) {
            throw new IllegalArgumentException("expected a JSON object {\"<station name>\": \"<address>\"} with at least one station");
        }
        List<Station> stations = new ArrayList<>();
        Map<String, String> byHost = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            checkName(name);
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                throw new IllegalArgumentException("station '" + name + "': the address must be a non-empty string, not " + e.getValue());
            }
            String host = e.getValue().textValue().strip();
            String other = byHost.put(host.toLowerCase(), name);
            if (other != null) {
                throw new IllegalArgumentException("stations '" + other + "' and '" + name + "' both have address " + host
                        + "; replies are told apart by address, so each station needs its own");
            }
            stations.add(new Station(name, host));
        }
        return stations;
    }

    /**
     * @param name a station name
     * @throws IllegalArgumentException if it cannot start datapoint keys
     */
    public static void checkName(String name) {
        if (name.isBlank() || !name.equals(name.strip()) || name.contains(KebaKeys.SEPARATOR)) {
            throw new IllegalArgumentException("station name '" + name + "' must not be empty, start or end with blanks, or contain '"
                    + KebaKeys.SEPARATOR + "'");
        }
    }
}
