package org.bemgate.ocpp.internal.server;

/** What the server tells the connector; called on Jetty's threads, in order per connection. */
public interface SessionEvents {

    /** A charge point passed the handshake and is connected. */
    void opened(String chargePointId, Link link);

    /** A text message arrived. */
    void text(String chargePointId, Link link, String text);

    /** The connection is gone. */
    void closed(String chargePointId, Link link, int code, String reason);

    /** A binary message arrived, which OCPP-J does not use. */
    void binary(String chargePointId, Link link);

    /** A handshake was refused, for the log and the counters. */
    void refused(Handshake.Result result, String remote);
}
