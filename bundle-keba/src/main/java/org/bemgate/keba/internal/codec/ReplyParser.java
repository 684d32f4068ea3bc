package org.bemgate.keba.internal.codec;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies the text of one datagram from a station: a report (JSON with {@code ID}), a state
 * message (JSON without it), {@code TCH-OK}/{@code TCH-ERR}, or garbled. Reports are matched by
 * the parsed {@code ID}, not by BEMCom's byte pattern {@code "ID": "<n>"}, so spacing does not matter.
 */
public final class ReplyParser {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int SHOWN = 80;

    private ReplyParser() {
    }

    /**
     * @param datagram the datagram's text
     * @return what it is; never null, never throws
     */
    public static KebaReply parse(String datagram) {
        String text = datagram == null ? "" : datagram.strip();
        if (text.isEmpty()) {
            return new KebaReply.Garbled("", "empty datagram");
        }
        if (text.startsWith("TCH-OK")) {
            return new KebaReply.Ack(true, text);
        }
        if (text.startsWith("TCH-ERR")) {
            return new KebaReply.Ack(false, text);
        }
        if (!text.startsWith("{")) {
            return new KebaReply.Garbled(shorten(text), "neither JSON nor TCH-OK/TCH-ERR");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new KebaReply.Garbled(shorten(text), "broken JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new KebaReply.Garbled(shorten(text), "unreadable: " + e.getMessage());
        }
        if (tree == null || !tree.isObject() || tree.isEmpty()) {
            return new KebaReply.Garbled(shorten(text), "not a JSON object with fields");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            // The V2.00 guide pads some names ("Curr HW   "); a key must not end in blanks.
            fields.put(e.getKey().strip(), value(e.getValue()));
        }
        JsonNode id = tree.get("ID");
        if (id != null && id.isValueNode()) {
            return new KebaReply.Report(id.asText(), fields);
        }
        return new KebaReply.StateMessage(fields);
    }

    /** JSON types kept as BEMCom keeps them: integers as Long, others as Double, text as String. */
    private static Object value(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNull()) {
            return null;
        }
        return JSON.convertValue(v, Object.class);
    }

    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= SHOWN ? oneLine : oneLine.substring(0, SHOWN) + "…";
    }
}
