package org.bemgate.keba.internal.codec;

import java.util.Map;

/** One datagram from a station, as {@link ReplyParser} classifies it. */
public sealed interface KebaReply {

    /**
     * A report, the answer to {@code report <id>}.
     *
     * @param id the report's {@code ID}, such as {@code "2"}
     * @param fields every field, {@code ID} included, with JSON types kept (Long, Double, String, Boolean)
     */
    record Report(String id, Map<String, Object> fields) implements KebaReply {
    }

    /**
     * An unsolicited state message such as {@code {"State": 3}} or {@code {"E pres": 999}}: JSON without {@code ID}.
     *
     * @param fields the fields it carries
     */
    record StateMessage(Map<String, Object> fields) implements KebaReply {
    }

    /**
     * The answer to a set command.
     *
     * @param ok true for {@code TCH-OK}, false for {@code TCH-ERR}
     * @param text the datagram without its trailing line feed
     */
    record Ack(boolean ok, String text) implements KebaReply {
    }

    /**
     * Anything else: cut JSON, an echo, noise.
     *
     * @param text the datagram, shortened for logs
     * @param problem what is wrong with it
     */
    record Garbled(String text, String problem) implements KebaReply {
    }
}
