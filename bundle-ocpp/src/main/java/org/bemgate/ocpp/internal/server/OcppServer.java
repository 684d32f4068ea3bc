package org.bemgate.ocpp.internal.server;

import java.io.IOException;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.WebSocketPolicy;
import org.eclipse.jetty.websocket.server.WebSocketHandler;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;

/**
 * The connector's own Jetty: one listen port, plain or TLS (OCPP Security Profile 2), serving OCPP-J
 * WebSockets on every path. Jetty comes from the container's bundles (Pax Web's); owning the server
 * keeps the OCPP port apart from the console's web contexts (stack.md pitfall 1) and lets one
 * connector configuration own one port.
 */
public final class OcppServer {

    /** Where and how to listen. {@code keystore} empty means plain {@code ws://}. */
    public record Listen(String bind, int port, String keystore, String keystoreType, String keystorePassword,
            long idleTimeoutMillis, int maxMessageBytes) {
    }

    private final Server server;
    private final ServerConnector connector;

    /**
     * Builds the server; nothing is bound until {@link #start()}.
     *
     * @param listen where and how
     * @param handshake who may connect
     * @param events where sessions report
     * @param threadName prefix of Jetty's thread names
     */
    public OcppServer(Listen listen, Handshake handshake, SessionEvents events, String threadName) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName(threadName);
        threads.setDaemon(true);
        server = new Server(threads);
        if (listen.keystore().isEmpty()) {
            connector = new ServerConnector(server, 1, 2);
        } else {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(listen.keystore());
            tls.setKeyStoreType(listen.keystoreType());
            tls.setKeyStorePassword(listen.keystorePassword());
            tls.setKeyManagerPassword(listen.keystorePassword());
            connector = new ServerConnector(server, 1, 2, tls);
        }
        connector.setHost(listen.bind());
        connector.setPort(listen.port());
        // SO_REUSEADDR (Jetty's default): a restarted connector binds again despite its old connections in TIME_WAIT;
        // on Linux a second live listener on the port still fails to bind.
        connector.setReuseAddress(true);
        server.addConnector(connector);
        server.setHandler(new WebSocketHandler() {
            @Override
            public void configurePolicy(WebSocketPolicy policy) {
                policy.setIdleTimeout(listen.idleTimeoutMillis());
                policy.setMaxTextMessageSize(listen.maxMessageBytes());
                policy.setMaxTextMessageBufferSize(Math.min(listen.maxMessageBytes(), 65_536));
            }

            @Override
            public void configure(WebSocketServletFactory factory) {
                factory.setCreator((request, response) -> create(request, response, handshake, events));
            }
        });
        server.setStopTimeout(2_000);
    }

    private static Object create(ServletUpgradeRequest request, ServletUpgradeResponse response, Handshake handshake,
            SessionEvents events) {
        String remote = request.getRemoteAddress() + ":" + request.getRemotePort();
        Handshake.Result r = handshake.check(request.getRequestURI().getRawPath(), request.getSubProtocols(), request.getHeader("Authorization"));
        if (!r.accepted()) {
            events.refused(r, remote);
            try {
                if (r.httpStatus() == 401) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"OCPP\"");
                }
                response.sendError(r.httpStatus(), r.reason());
            } catch (IOException e) {
                // the peer is gone already
            }
            return null;
        }
        response.setAcceptedSubProtocol(Handshake.SUBPROTOCOL);
        return new OcppSocket(r.chargePointId(), remote, events);
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws Exception when the port cannot be bound or the keystore not read; the server is stopped again
     */
    public void start() throws Exception {
        try {
            server.start();
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    /** @return the port bound, useful when 0 was asked for */
    public int port() {
        return connector.getLocalPort();
    }

    /** Closes every session and the port, and ends Jetty's threads. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway; Jetty logs its own details
        }
    }
}
