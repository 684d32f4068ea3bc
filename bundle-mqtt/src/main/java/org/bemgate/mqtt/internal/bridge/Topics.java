package org.bemgate.mqtt.internal.bridge;

/** The topics of BEMCom connectors (bemcom-contracts.md §2), optionally under a prefix. */
final class Topics {

    private final String prefix;

    /** @param prefix empty for BEMCom's own topics, else put before every topic with a slash */
    Topics(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.prefix = p.isEmpty() ? "" : p + "/";
    }

    String logs(String connector) {
        return prefix + connector + "/logs";
    }

    String heartbeat(String connector) {
        return prefix + connector + "/heartbeat";
    }

    String availableDatapoints(String connector) {
        return prefix + connector + "/available_datapoints";
    }

    String datapointMap(String connector) {
        return prefix + connector + "/datapoint_map";
    }

    String rawMessageToDb(String connector) {
        return prefix + connector + "/raw_message_to_db";
    }

    /** @return {@code <cn>/messages/<number>/value}, the topic shape consumers parse the number out of */
    String value(String connector, long number) {
        return prefix + connector + "/messages/" + number + "/value";
    }

    /**
     * @param valueTopic an actuator's value topic from a datapoint map
     * @param kind {@code setpoint} or {@code schedule}
     * @return the topic next to it ({@code .../7/value} → {@code .../7/setpoint}), or null if the
     *         value topic does not end in {@code /value}
     */
    static String sibling(String valueTopic, String kind) {
        return valueTopic.endsWith("/value") ? valueTopic.substring(0, valueTopic.length() - "value".length()) + kind : null;
    }
}
