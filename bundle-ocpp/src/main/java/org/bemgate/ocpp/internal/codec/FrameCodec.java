package org.bemgate.ocpp.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OCPP-J framing (OCPP-J 1.6 section 4): text to {@link Frame} and back. Pure and thread-safe. The
 * payload is only checked to be a JSON object here; {@link Messages} checks it against its definition.
 */
public final class FrameCodec {

    /** OCPP-J 1.6 section 4.1.4: at most 36 characters, to allow for GUIDs. */
    public static final int MAX_UNIQUE_ID = 36;
    private static final int CALL = 2;
    private static final int CALLRESULT = 3;
    private static final int CALLERROR = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private FrameCodec() {
    }

    /** @return a new empty JSON object, for building payloads */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return the shared mapper, for converting payloads to plain Java values */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads one frame.
     *
     * @param text the WebSocket text message
     * @return the frame
     * @throws OcppViolation naming the CALLERROR code; {@link OcppViolation#answerable()} is false for broken results and errors
     */
    public static Frame decode(String text) throws OcppViolation {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, OcppViolation.UNKNOWN_ID, true,
                    "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, OcppViolation.UNKNOWN_ID, true,
                    "a message must be a JSON array [messageTypeId, uniqueId, ...]");
        }
        JsonNode type = root.get(0);
        String id = root.size() > 1 && root.get(1).isTextual() ? root.get(1).textValue() : null;
        if (!type.isIntegralNumber() || type.intValue() < CALL || type.intValue() > CALLERROR) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, id == null ? OcppViolation.UNKNOWN_ID : id, true,
                    "messageTypeId must be 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR), not " + type);
        }
        int messageType = type.intValue();
        boolean answerable = messageType == CALL;
        if (root.size() < 2) {
            throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, OcppViolation.UNKNOWN_ID, answerable, "the uniqueId is missing");
        }
        if (id == null || id.isEmpty() || id.length() > MAX_UNIQUE_ID) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, id == null || id.isEmpty() ? OcppViolation.UNKNOWN_ID : id,
                    answerable, "uniqueId must be a string of 1 to " + MAX_UNIQUE_ID + " characters, not " + root.get(1));
        }
        return switch (messageType) {
            case CALL -> call(root, id);
            case CALLRESULT -> result(root, id);
            default -> error(root, id);
        };
    }

    private static Frame call(JsonNode root, String id) throws OcppViolation {
        if (root.size() < 4) {
            throw new OcppViolation(ErrorCode.PROTOCOL_ERROR, id, true, "a CALL needs [2, uniqueId, action, payload]; "
                    + (root.size() == 2 ? "action and payload are" : "the payload is") + " missing");
        }
        if (root.size() > 4) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, id, true, "a CALL has 4 elements, not " + root.size());
        }
        if (!root.get(2).isTextual() || root.get(2).textValue().isEmpty()) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, id, true, "the action must be a non-empty string, not " + root.get(2));
        }
        if (!root.get(3).isObject()) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, id, true, "the payload must be a JSON object, not " + root.get(3));
        }
        return new Frame.Call(id, root.get(2).textValue(), (ObjectNode) root.get(3));
    }

    private static Frame result(JsonNode root, String id) throws OcppViolation {
        if (root.size() != 3) {
            throw new OcppViolation(root.size() < 3 ? ErrorCode.PROTOCOL_ERROR : ErrorCode.FORMATION_VIOLATION, id, false,
                    "a CALLRESULT has 3 elements [3, uniqueId, payload], not " + root.size());
        }
        if (!root.get(2).isObject()) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, id, false, "the payload must be a JSON object, not " + root.get(2));
        }
        return new Frame.CallResult(id, (ObjectNode) root.get(2));
    }

    private static Frame error(JsonNode root, String id) throws OcppViolation {
        // errorDetails is required by the specification, but some chargers leave it out: accepted without it.
        if (root.size() < 4 || root.size() > 5) {
            throw new OcppViolation(root.size() < 4 ? ErrorCode.PROTOCOL_ERROR : ErrorCode.FORMATION_VIOLATION, id, false,
                    "a CALLERROR has 5 elements [4, uniqueId, errorCode, errorDescription, errorDetails], not " + root.size());
        }
        JsonNode details = root.size() == 5 ? root.get(4) : object();
        if (!root.get(2).isTextual() || !root.get(3).isTextual() || !details.isObject()) {
            throw new OcppViolation(ErrorCode.FORMATION_VIOLATION, id, false,
                    "a CALLERROR needs a string code, a string description and an object of details");
        }
        return new Frame.CallError(id, root.get(2).textValue(), root.get(3).textValue(), (ObjectNode) details);
    }

    /** @return {@code [2, id, action, payload]} as text */
    public static String call(String uniqueId, String action, ObjectNode payload) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(4);
        a.add(CALL).add(uniqueId).add(action).add(payload);
        return write(a);
    }

    /** @return {@code [3, id, payload]} as text */
    public static String result(String uniqueId, ObjectNode payload) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(3);
        a.add(CALLRESULT).add(uniqueId).add(payload);
        return write(a);
    }

    /** @return {@code [4, id, code, description, {}]} as text */
    public static String error(String uniqueId, ErrorCode code, String description) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(5);
        a.add(CALLERROR).add(uniqueId).add(code.wire()).add(description == null ? "" : description).add(object());
        return write(a);
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
