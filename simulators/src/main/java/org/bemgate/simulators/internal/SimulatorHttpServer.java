package org.bemgate.simulators.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The JDK HTTP(S) server as the HTTP simulators run it: one handler for every path, daemon worker
 * threads, and stopped together with its threads.
 */
public final class SimulatorHttpServer {

    private final HttpServer server;
    private final ExecutorService executor;

    private SimulatorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens and serves.
     *
     * @param host the address to listen on
     * @param port the port; 0 takes a free one
     * @param https the TLS set-up, or null for plain HTTP
     * @param threadName the worker threads' name
     * @param handler answers every request
     */
    public static SimulatorHttpServer start(String host, int port, HttpsConfigurator https, String threadName, HttpHandler handler)
            throws IOException {
        // The JDK server writes headers and body apart; without TCP_NODELAY each answer waits ~40 ms for a delayed ACK.
        // Read once, when the first server of the JVM starts; a value set on the command line wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        InetSocketAddress at = new InetSocketAddress(host, port);
        HttpServer server;
        if (https == null) {
            server = HttpServer.create(at, 16);
        } else {
            HttpsServer s = HttpsServer.create(at, 16);
            s.setHttpsConfigurator(https);
            server = s;
        }
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new SimulatorHttpServer(server, executor);
    }

    /** @return the port it listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening and waits a moment for the workers to end. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
