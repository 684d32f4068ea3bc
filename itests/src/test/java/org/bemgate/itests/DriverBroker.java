package org.bemgate.itests;

import org.bemgate.testsupport.Mosquitto;

/**
 * A Mosquitto broker on a free loopback port, started in the test driver (where the shared fixture is
 * on the class path, unlike in the container) and stopped when the driver exits. A class of its own so
 * that the container never loads the fixture's classes.
 */
final class DriverBroker {

    private DriverBroker() {
    }

    /** @return the port of a newly started broker */
    static int start() throws Exception {
        Mosquitto broker = Mosquitto.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "it-mosquitto-stop"));
        return broker.port();
    }
}
