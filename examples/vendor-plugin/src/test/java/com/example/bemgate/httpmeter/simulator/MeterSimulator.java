package com.example.bemgate.httpmeter.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The meter on the wire, for tests and demos: {@code GET /api/v1/reading} and {@code POST /api/v1/relay}
 * as the plug-in's codec describes them, with faults to switch on. Written from the device's side,
 * without the plug-in's classes. {@code main} runs it alone:
 * {@code java -cp target/test-classes com.example.bemgate.httpmeter.simulator.MeterSimulator --port 8089}.
 */
public final class MeterSimulator implements AutoCloseable {

    /** What the next answers do wrong. */
    public enum Fault {
        /** HTTP 500 with a text body. */
        HTTP_500,
        /** A reading that is not JSON. */
        INVALID_JSON,
        /** A relay switch refused with 409 and {@code {"error": ...}}. */
        RELAY_LOCKED
    }

    private static final Pattern ON = Pattern.compile("\"on\"\\s*:\\s*(true|false)");
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
    private final List<String> requests = new ArrayList<>();
    private double power = 1_500.0;
    private double energy = 123_456.0;
    private double voltage = 230.0;
    private boolean relay = true;
    private volatile long answerDelay;

    private MeterSimulator(HttpServer server) {
        this.server = server;
        this.threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "meter-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/api/v1/reading", this::reading);
        server.createContext("/api/v1/relay", this::relay);
        server.start();
    }

    /**
     * @param host the address to listen on, such as 127.0.0.1
     * @param port the port, 0 for a free one
     * @return the running simulator
     * @throws IOException if the port is taken
     */
    public static MeterSimulator start(String host, int port) throws IOException {
        return new MeterSimulator(HttpServer.create(new InetSocketAddress(host, port), 16));
    }

    /** @return its base URL, such as {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** @return the port it listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Makes the next {@code times} answers of the kind go wrong. */
    public synchronized void fail(Fault fault, int times) {
        faults.put(fault, times);
    }

    /** Delays every answer, to provoke timeouts. */
    public void answerDelay(long millis) {
        answerDelay = millis;
    }

    /** Sets the power drawn while the relay is closed. */
    public synchronized void power(double watts) {
        power = watts;
    }

    /** @return true while the relay is closed */
    public synchronized boolean relay() {
        return relay;
    }

    /** @return every request so far, as {@code "GET /api/v1/reading"} */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** @return how many requests started with this text */
    public synchronized long requests(String prefix) {
        return requests.stream().filter(r -> r.startsWith(prefix)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void reading(HttpExchange x) throws IOException {
        String body;
        int status = 200;
        synchronized (this) {
            requests.add(x.getRequestMethod() + " " + x.getRequestURI());
            if (!"GET".equals(x.getRequestMethod())) {
                status = 405;
                body = "{\"error\":\"GET only\"}";
            } else if (take(Fault.HTTP_500)) {
                status = 500;
                body = "internal error";
            } else if (take(Fault.INVALID_JSON)) {
                body = "{\"power\": 12,";
            } else {
                double drawn = relay ? power : 0;
                energy += drawn / 3600; // as if a second passed since the last reading
                body = String.format(Locale.ROOT, "{\"power\":%.1f,\"energy\":%.3f,\"voltage\":%.1f,\"relay\":%b,\"model\":\"SIM-1\"}",
                        drawn, energy, voltage, relay);
            }
        }
        answer(x, status, body);
    }

    private void relay(HttpExchange x) throws IOException {
        String request;
        try (InputStream in = x.getRequestBody()) {
            request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body;
        int status = 200;
        synchronized (this) {
            requests.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + request);
            Matcher m = ON.matcher(request);
            if (!"POST".equals(x.getRequestMethod())) {
                status = 405;
                body = "{\"error\":\"POST only\"}";
            } else if (!m.find()) {
                status = 400;
                body = "{\"error\":\"expected {\\\"on\\\": true|false}\"}";
            } else if (take(Fault.RELAY_LOCKED)) {
                status = 409;
                body = "{\"error\":\"relay locked by the local switch\"}";
            } else if (take(Fault.HTTP_500)) {
                status = 500;
                body = "internal error";
            } else {
                relay = Boolean.parseBoolean(m.group(1));
                body = "{\"relay\":" + relay + "}";
            }
        }
        answer(x, status, body);
    }

    private boolean take(Fault f) {
        int left = faults.getOrDefault(f, 0);
        if (left <= 0) {
            return false;
        }
        faults.put(f, left - 1);
        return true;
    }

    private void answer(HttpExchange x, int status, String body) throws IOException {
        long delay = answerDelay;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                x.close();
                return;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Runs the simulator until the process is stopped.
     *
     * @param args {@code [--host 127.0.0.1] [--port 8089]}
     * @throws Exception if it cannot listen
     */
    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 8089;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --host and --port");
            }
        }
        MeterSimulator sim = start(host, port);
        System.out.println("HTTP meter simulator at " + sim.url());
        new CountDownLatch(1).await();
    }
}
