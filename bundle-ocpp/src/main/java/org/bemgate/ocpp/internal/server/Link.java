package org.bemgate.ocpp.internal.server;

/** The WebSocket of one charge point as the session sees it: send without blocking, close. */
public interface Link {

    /** Queues a text message; never blocks; a failure shows up as a close. */
    void send(String text);

    /** Closes the connection with a WebSocket close code and reason. */
    void close(int code, String reason);

    /** @return the peer's address, for the log */
    String remote();
}
