package org.bemgate.simulators.lemdcbm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bemgate.simulators.internal.SimulatorHttpServer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;

/**
 * A LEM DCBM 400/600 on HTTP, or on HTTPS with a self-signed {@link MeterCertificate} on the same
 * kind of port, serving the {@code /v1} API of {@link Meter}: status, livemeasure, legal (start, stop,
 * read), ocmf, settings and certificate.
 *
 * <p>Fault modes, for the gateway's resilience tests: not ready (HTTP 503) for the first requests,
 * HTTP 500 or invalid JSON for the next requests, and slow answers.
 */
public final class LemDcbmSimulator implements AutoCloseable {

    /** A fault the next requests meet. */
    public enum Fault {
        /** HTTP 500 with an error body. */
        HTTP_500,
        /** HTTP 200 with a body that is not JSON. */
        INVALID_JSON,
        /** HTTP 503, as a meter still booting. */
        NOT_READY
    }

    private final String host;
    private final int requestedPort;
    private final Meter meter;
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private final List<String> requests = new ArrayList<>();
    private volatile Fault fault = Fault.HTTP_500;
    private volatile String faultPath = "/";
    private volatile long answerDelayMillis;
    private volatile MeterCertificate certificate;
    private SimulatorHttpServer server;

    /**
     * @param host the address to listen on, such as 127.0.0.1
     * @param port the port; 0 takes a free one
     * @param meter the meter it serves
     */
    public LemDcbmSimulator(String host, int port, Meter meter) {
        this.host = host;
        this.requestedPort = port;
        this.meter = meter;
    }

    /** Serves HTTPS with that certificate instead of HTTP; call before {@link #start()}. */
    public LemDcbmSimulator tls(MeterCertificate cert) {
        this.certificate = cert;
        return this;
    }

    /** Listens. */
    public synchronized LemDcbmSimulator start() throws IOException {
        MeterCertificate cert = certificate;
        server = SimulatorHttpServer.start(host, requestedPort, cert == null ? null : new HttpsConfigurator(cert.serverContext()),
                "lem-dcbm-simulator", this::handle);
        return this;
    }

    /** @return the port it listens on */
    public synchronized int port() {
        return server.port();
    }

    /** @return the simulated meter */
    public Meter meter() {
        return meter;
    }

    /** Answers the next {@code count} requests with the fault instead of the meter's answer. */
    public void fail(Fault f, int count) {
        fail(f, count, "/");
    }

    /** Answers the next {@code count} requests whose path starts with {@code pathPrefix} with the fault. */
    public synchronized void fail(Fault f, int count, String pathPrefix) {
        this.fault = f;
        this.faultPath = pathPrefix;
        faultsLeft.set(count);
    }

    /** @return how many requests will still meet the fault */
    public int faultsLeft() {
        return faultsLeft.get();
    }

    /** Waits this long before every answer; 0 for none. */
    public void answerDelay(long millis) {
        this.answerDelayMillis = millis;
    }

    /** @return every request so far as {@code METHOD /path?query}, oldest first */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            URI uri = ex.getRequestURI();
            String method = ex.getRequestMethod();
            synchronized (this) {
                requests.add(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
            long delay = answerDelayMillis;
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            boolean faulty = uri.getPath().startsWith(faultPath) && faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            Answer a = faulty ? faulty() : answer(method, uri.getPath(), query(uri, "transactionId"), body);
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", a.json() ? "application/json" : "text/plain; charset=utf-8");
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Answer faulty() {
        return switch (fault) {
            case HTTP_500 -> Answer.error(500, "internal error (simulated)");
            case INVALID_JSON -> new Answer(200, "{\"meterId\": \"1202407", true);
            case NOT_READY -> Answer.error(503, "starting (simulated)");
        };
    }

    private Answer answer(String method, String path, String transactionId, String body) {
        String route = method + " " + path;
        try {
            return switch (route) {
                case "GET /v1/status" -> Answer.json(200, meter.status());
                case "GET /v1/livemeasure" -> Answer.json(200, meter.liveMeasure());
                case "GET /v1/legal" -> meter.legal();
                case "POST /v1/legal" -> meter.start(object(body));
                case "PUT /v1/legal" -> meter.stop(transactionId == null ? "" : transactionId, object(body));
                case "GET /v1/ocmf" -> transactionId == null ? Answer.error(400, "transactionId is missing") : meter.ocmf(transactionId);
                case "GET /v1/settings" -> Answer.json(200, meter.settings());
                case "PUT /v1/settings" -> meter.changeSettings(object(body));
                case "GET /v1/certificate" -> Answer.json(200, Map.of("certificate",
                        (certificate == null ? MeterCertificate.METER : certificate).pemAsTheMeterGivesIt()));
                default -> Answer.error(404, "no route " + route);
            };
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String body) {
        Object v = MeterJson.parse(body);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return (Map<String, Object>) v;
    }

    private static String query(URI uri, String name) {
        String q = uri.getQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
