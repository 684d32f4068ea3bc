package org.bemgate.ocpp.internal.server;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;

/** One charge point's WebSocket on Jetty's native API, handed to {@link SessionEvents} as a {@link Link}. */
final class OcppSocket implements WebSocketListener, Link {

    private final String chargePointId;
    private final String remote;
    private final SessionEvents events;
    private volatile Session session;
    private volatile boolean closedReported;

    OcppSocket(String chargePointId, String remote, SessionEvents events) {
        this.chargePointId = chargePointId;
        this.remote = remote;
        this.events = events;
    }

    @Override
    public void onWebSocketConnect(Session s) {
        session = s;
        events.opened(chargePointId, this);
    }

    @Override
    public void onWebSocketText(String message) {
        events.text(chargePointId, this, message);
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int len) {
        events.binary(chargePointId, this);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        reportClosed(statusCode, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty closes the session after an error and then calls onWebSocketClose; report once either way.
        if (session == null || !session.isOpen()) {
            reportClosed(StatusCode.ABNORMAL, String.valueOf(cause.getMessage()));
        }
    }

    private synchronized void reportClosed(int code, String reason) {
        if (!closedReported && session != null) {
            closedReported = true;
            events.closed(chargePointId, this, code, reason);
        }
    }

    @Override
    public void send(String text) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        s.getRemote().sendString(text, new WriteCallback() {
            @Override
            public void writeFailed(Throwable x) {
                s.close(StatusCode.SERVER_ERROR, "write failed");
            }

            @Override
            public void writeSuccess() {
                // nothing to do
            }
        });
    }

    @Override
    public void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason);
        }
    }

    @Override
    public String remote() {
        return remote;
    }

    @Override
    public String toString() {
        return chargePointId + " (" + remote + ")";
    }
}
