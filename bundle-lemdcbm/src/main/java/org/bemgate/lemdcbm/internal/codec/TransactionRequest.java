package org.bemgate.lemdcbm.internal.codec;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A transaction start as the {@code transactionStart} actuator takes it: either the transaction id
 * alone, or a JSON object {@code {"transactionId", "evseId", "identificationData", "tariffId",
 * "cableId", "userData"}} where all but the id fall back to the connector's configuration.
 *
 * @param transactionId the id, never empty
 * @param evseId the EVSE id
 * @param identificationData the user's identification (such as an RFID UID), may be empty
 * @param tariffId the tariff number
 * @param cableId the cable number, which selects the meter's loss compensation
 * @param userData free text stored with the transaction
 */
public record TransactionRequest(String transactionId, String evseId, String identificationData, long tariffId, long cableId,
        String userData) {

    /** LEM's limit on {@code clientId}. */
    public static final int CLIENT_ID_MAX = 37;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param value the actuator value
     * @param defaults the configured EVSE id, tariff and cable
     * @return the request
     * @throws IllegalArgumentException naming what is wrong with the value
     */
    public static TransactionRequest parse(Object value, TransactionRequest defaults) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("transactionStart: write the transaction id, or a JSON object with \"transactionId\"");
        }
        String s = text.strip();
        if (!s.startsWith("{")) {
            return new TransactionRequest(s, defaults.evseId, "", defaults.tariffId, defaults.cableId, "");
        }
        JsonNode n;
        try {
            n = JSON.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("transactionStart: not valid JSON: " + e.getOriginalMessage());
        }
        String id = text(n, "transactionId", "");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("transactionStart: \"transactionId\" is missing or empty");
        }
        return new TransactionRequest(id, text(n, "evseId", defaults.evseId), text(n, "identificationData", ""),
                number(n, "tariffId", defaults.tariffId), number(n, "cableId", defaults.cableId), text(n, "userData", ""));
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("transactionStart: \"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field, long fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new IllegalArgumentException("transactionStart: \"" + field + "\" must be a whole number, 0 or more");
        }
        return v.asLong();
    }

    /** @return {@code <identificationData>,<transactionId>} cut to 37 characters, or the id alone without identification */
    public String clientId() {
        String c = identificationData.isEmpty() ? transactionId : identificationData + "," + transactionId;
        return c.length() > CLIENT_ID_MAX ? c.substring(0, CLIENT_ID_MAX) : c;
    }

    /** @return the body of {@code POST /v1/legal}, fields in the order EVerest sends them */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("evseId", evseId);
        m.put("transactionId", transactionId);
        m.put("clientId", clientId());
        m.put("tariffId", tariffId);
        m.put("cableId", cableId);
        m.put("userData", userData);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
    }
}
