package org.bemgate.mqtt.internal.client;

/** A configuration property that cannot work; the message starts with the property's name. */
public final class ConfigProblem extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message {@code <property>: <what is wrong>} */
    public ConfigProblem(String message) {
        super(message);
    }
}
