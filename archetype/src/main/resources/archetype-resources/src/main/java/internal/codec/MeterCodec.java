package ${package}.internal.codec;

import java.util.Map;

/**
 * The meter's HTTP JSON API, without I/O:
 * <ul>
 * <li>{@code GET /api/v1/reading} → {@code {"power": W, "energy": Wh, "voltage": V, "relay": bool}}; other members are ignored;
 * <li>{@code POST /api/v1/relay} with {@code {"on": bool}} → {@code {"relay": bool}}, the state after the switch;
 * <li>a refusal (4xx) carries {@code {"error": "text"}}.
 * </ul>
 */
public final class MeterCodec {

    /** The path of a reading. */
    public static final String READING = "/api/v1/reading";
    /** The path of a relay switch. */
    public static final String RELAY = "/api/v1/relay";

    private MeterCodec() {
    }

    /**
     * @param body the answer to {@link #READING}
     * @return the reading
     * @throws InvalidReplyException if it is not JSON or a field is missing or of the wrong type
     */
    public static Reading reading(String body) throws InvalidReplyException {
        Map<String, Object> m = object(body);
        return new Reading(number(m, "power"), number(m, "energy"), number(m, "voltage"), bool(m, "relay"));
    }

    /**
     * @param on the wanted relay state
     * @return the body of {@link #RELAY}
     */
    public static String relayRequest(boolean on) {
        return "{\"on\":" + on + "}";
    }

    /**
     * @param body the answer to {@link #RELAY}
     * @return the relay state the meter reports after the switch
     * @throws InvalidReplyException if it is not JSON or has no boolean {@code relay}
     */
    public static boolean relayReply(String body) throws InvalidReplyException {
        return bool(object(body), "relay");
    }

    /**
     * @param body the body of a refusal
     * @return its {@code error} text, or the body itself (shortened) when it has none
     */
    public static String errorText(String body) {
        String b = body == null ? "" : body.strip();
        try {
            if (Json.parse(b) instanceof Map<?, ?> m && m.get("error") instanceof String s) {
                return s;
            }
        } catch (InvalidReplyException e) {
            // not JSON: show the text as it came
        }
        return b.length() > 120 ? b.substring(0, 120) + "…" : b;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String body) throws InvalidReplyException {
        Object v = Json.parse(body);
        if (!(v instanceof Map)) {
            throw new InvalidReplyException("a JSON object expected, not " + (v == null ? "null" : v.getClass().getSimpleName()));
        }
        return (Map<String, Object>) v;
    }

    private static double number(Map<String, Object> m, String field) throws InvalidReplyException {
        Object v = m.get(field);
        if (!(v instanceof Double)) {
            throw new InvalidReplyException(describe(field, v, "a number"));
        }
        return (Double) v;
    }

    private static boolean bool(Map<String, Object> m, String field) throws InvalidReplyException {
        Object v = m.get(field);
        if (!(v instanceof Boolean)) {
            throw new InvalidReplyException(describe(field, v, "true or false"));
        }
        return (Boolean) v;
    }

    private static String describe(String field, Object v, String expected) {
        return "'" + field + "' " + (v == null ? "is missing or null" : "is " + v + ", not " + expected);
    }
}
