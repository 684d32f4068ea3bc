package org.bemgate.ocpp.internal;

/** A configuration property that cannot work; the message starts with the property's name. */
final class ConfigProblem extends Exception {

    private static final long serialVersionUID = 1L;

    ConfigProblem(String message) {
        super(message);
    }
}
