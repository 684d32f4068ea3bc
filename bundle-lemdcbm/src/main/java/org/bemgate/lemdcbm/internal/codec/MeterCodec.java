package org.bemgate.lemdcbm.internal.codec;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and checks the meter's JSON answers. Pure: no I/O, every method either returns what the
 * gateway needs or says exactly what is wrong with the body.
 */
public final class MeterCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRANSACTION_ONGOING_BIT = 0b100;

    private MeterCodec() {
    }

    /** Reads {@code GET /v1/status}: a non-empty {@code meterId} is required. */
    public static MeterStatus status(String body) throws InvalidReplyException {
        JsonNode n = object(body);
        String id = n.path("meterId").isTextual() ? n.path("meterId").asText().strip() : "";
        if (id.isEmpty()) {
            throw new InvalidReplyException("'meterId' is missing or empty");
        }
        JsonNode bits = n.path("status").path("bits");
        return new MeterStatus(id, n.path("version").path("applicationFirmwareVersion").asText(""), n.path("publicKeyOcmf").asText(""),
                bits.path("transactionIsOnGoing").asBoolean(false), bits.path("timeSyncStatusIsOk").asBoolean(false));
    }

    /**
     * Reads {@code GET /v1/livemeasure} into the gateway's units.
     *
     * @return value per field present: Double in the field's unit, String for the timestamp
     */
    public static Map<LiveField, Object> liveMeasure(String body) throws InvalidReplyException {
        JsonNode n = object(body);
        Map<LiveField, Object> values = new LinkedHashMap<>();
        for (LiveField f : LiveField.values()) {
            JsonNode v = n.get(f.key());
            if (v == null || v.isNull()) {
                if (f.required()) {
                    throw new InvalidReplyException("'" + f.key() + "' is missing");
                }
                continue;
            }
            if (f.factor() == 0) {
                values.put(f, v.asText());
            } else if (v.isNumber()) {
                values.put(f, v.asDouble() * f.factor());
            } else {
                throw new InvalidReplyException("'" + f.key() + "' is not a number: " + v);
            }
        }
        return values;
    }

    /** Checks the answer to {@code POST /v1/legal}: it must say {@code "running": true} for the transaction asked for. */
    public static void started(String body, String transactionId) throws InvalidReplyException {
        JsonNode n = object(body);
        if (!n.path("running").isBoolean()) {
            throw new InvalidReplyException("'running' is missing or not true/false");
        }
        if (!n.path("running").asBoolean()) {
            throw new InvalidReplyException("the meter says the transaction is not running");
        }
        String id = n.path("transactionId").asText("");
        if (!id.isEmpty() && !id.equals(transactionId)) {
            throw new InvalidReplyException("the meter runs transaction '" + id + "', not '" + transactionId + "'");
        }
    }

    /** Checks the answer to {@code PUT /v1/legal}: {@code meterValue.transactionStatus} must have bit 2 (ongoing) clear. */
    public static void stopped(String body) throws InvalidReplyException {
        JsonNode status = object(body).path("meterValue").path("transactionStatus");
        if (!status.isIntegralNumber()) {
            throw new InvalidReplyException("'meterValue.transactionStatus' is missing or not a whole number");
        }
        if ((status.asInt() & TRANSACTION_ONGOING_BIT) != 0) {
            throw new InvalidReplyException("the meter says the transaction is still going on (transactionStatus " + status.asInt() + ")");
        }
    }

    /** Reads {@code GET /v1/legal}: the id of the running or last transaction, which must be text. */
    public static String lastTransactionId(String body) throws InvalidReplyException {
        JsonNode id = object(body).path("transactionId");
        if (!id.isTextual()) {
            throw new InvalidReplyException("'transactionId' is missing or not text");
        }
        return id.asText();
    }

    /** Checks the answer to {@code PUT /v1/settings}: {@code "result": 1}. */
    public static void settingsAccepted(String body) throws InvalidReplyException {
        JsonNode result = object(body).path("result");
        if (!result.isIntegralNumber()) {
            throw new InvalidReplyException("'result' is missing");
        }
        if (result.asInt() != 1) {
            throw new InvalidReplyException("the meter refused the settings (result " + result.asInt() + "); it does during a transaction");
        }
    }

    /**
     * Checks an OCMF record: {@code OCMF|<payload JSON>|<signature JSON>}, returned unchanged, since
     * its signature covers the exact text.
     */
    public static String ocmf(String body) throws InvalidReplyException {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidReplyException("the OCMF record is empty");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3 || !parts[0].equals("OCMF")) {
            throw new InvalidReplyException("not an OCMF record 'OCMF|{…}|{…}': " + abbreviate(text));
        }
        JsonNode payload = object(parts[1]);
        if (!payload.path("RD").isArray()) {
            throw new InvalidReplyException("the OCMF payload has no readings 'RD'");
        }
        if (!object(parts[2]).path("SD").isTextual()) {
            throw new InvalidReplyException("the OCMF signature has no data 'SD'");
        }
        return text;
    }

    private static JsonNode object(String body) throws InvalidReplyException {
        JsonNode n;
        try {
            n = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidReplyException("not valid JSON: " + abbreviate(body));
        }
        if (n == null || !n.isObject()) {
            throw new InvalidReplyException("not a JSON object: " + abbreviate(body));
        }
        return n;
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
