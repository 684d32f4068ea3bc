package org.bemgate.simulators.ocpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

/**
 * A simulated OCPP 1.6J charge point: a WebSocket client on the JDK's {@link HttpClient} (share one
 * client among thousands of them) that plays a charger's session, answers the central system's calls
 * through its {@link Charger}, and sends malformed frames on demand.
 */
public final class OcppChargePoint implements AutoCloseable {

    /** How it answers the central system's calls. */
    public enum Answering {
        /** At once, as {@link Charger} says. */
        NORMAL,
        /** Never: for timeouts. */
        SILENT
    }

    /** A CALLERROR the central system sent back. */
    public static final class CallError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        CallError(String code, String description) {
            super(code + ": " + description);
            this.code = code;
        }

        /** @return the error code, such as {@code FormationViolation} */
        public String code() {
            return code;
        }
    }

    private final HttpClient client;
    private final URI uri;
    private final String id;
    private final Charger charger;
    private final Map<String, CompletableFuture<List<Object>>> waiting = new ConcurrentHashMap<>();
    private final List<List<Object>> received = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private volatile String password;
    private volatile Answering answering = Answering.NORMAL;
    private volatile long answerDelayMillis;
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    /**
     * @param client the shared client; TLS trust is the client's
     * @param server the central system, such as {@code ws://127.0.0.1:9000/ocpp}; the id is appended as the last segment
     * @param id the charge point id
     * @param charger what it is and how it answers
     */
    public OcppChargePoint(HttpClient client, URI server, String id, Charger charger) {
        this.client = client;
        String base = server.toString();
        this.uri = URI.create(base + (base.endsWith("/") ? "" : "/") + id);
        this.id = id;
        this.charger = charger;
    }

    /** @return a client for many charge points; {@code tls} may be null for ws:// */
    public static HttpClient client(SSLContext tls, Executor executor) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
        if (tls != null) {
            b.sslContext(tls);
        }
        if (executor != null) {
            b.executor(executor);
        }
        return b.build();
    }

    /** Sends HTTP Basic credentials (user = id) with the handshake. @return this */
    public OcppChargePoint password(String p) {
        this.password = p;
        return this;
    }

    /** @return this, after setting how calls are answered */
    public OcppChargePoint answering(Answering a) {
        this.answering = a;
        return this;
    }

    /** Answers the central system's calls only after this delay. @return this */
    public OcppChargePoint answerDelay(long millis) {
        this.answerDelayMillis = millis;
        return this;
    }

    public String id() {
        return id;
    }

    public Charger charger() {
        return charger;
    }

    /**
     * Opens the WebSocket with subprotocol ocpp1.6.
     *
     * @return completes when open; fails with {@link java.net.http.WebSocketHandshakeException} when refused
     */
    public CompletableFuture<OcppChargePoint> connect() {
        WebSocket.Builder b = client.newWebSocketBuilder().subprotocols("ocpp1.6").connectTimeout(Duration.ofSeconds(20));
        String p = password;
        if (p != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + p).getBytes(StandardCharsets.UTF_8)));
        }
        return b.buildAsync(uri, new Listener()).thenApply(ws -> {
            socket = ws;
            return this;
        });
    }

    /** @return true while the WebSocket is open */
    public boolean isOpen() {
        WebSocket ws = socket;
        return ws != null && !ws.isInputClosed() && !closedWith.isDone();
    }

    /** @return completes with the close code when the central system closes the connection */
    public CompletableFuture<Integer> closed() {
        return closedWith;
    }

    /** @return every frame the central system sent, in order, as parsed JSON arrays */
    public List<List<Object>> received() {
        return Collections.unmodifiableList(received);
    }

    /** @return the calls the central system made, as [2, id, action, payload] */
    public List<List<Object>> calls(String action) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> f : received) {
            if (f.size() == 4 && Long.valueOf(2).equals(f.get(0)) && action.equals(f.get(2))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Sends a CALL and waits for its answer.
     *
     * @return the CALLRESULT payload; fails with {@link CallError} on a CALLERROR
     */
    @SuppressWarnings("unchecked")
    public CompletableFuture<Map<String, Object>> call(String action, Map<String, Object> payload) {
        String uniqueId = "cp" + ids.incrementAndGet();
        return sendAndAwait(uniqueId, MiniJson.write(List.of(2L, uniqueId, action, payload))).thenApply(frame -> {
            if (Long.valueOf(4).equals(frame.get(0))) {
                throw new CallError((String) frame.get(2), (String) frame.get(3));
            }
            Map<String, Object> result = (Map<String, Object>) frame.get(2);
            afterResult(action, payload, result);
            return result;
        });
    }

    /** Sends any text, such as a malformed frame, and waits for the answer carrying {@code uniqueId} ("-1" when unreadable). */
    public CompletableFuture<List<Object>> sendAndAwait(String uniqueId, String text) {
        CompletableFuture<List<Object>> answer = new CompletableFuture<>();
        waiting.put(uniqueId, answer);
        send(text);
        return answer;
    }

    /** Sends any text without waiting for an answer. */
    public void send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("charge point " + id + " is not connected");
        }
        synchronized (this) {
            sending = sending.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true));
        }
    }

    /** Closes the WebSocket normally. */
    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null) {
            synchronized (this) {
                sending = sending.handle((x, e) -> null).thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
            }
        }
    }

    /** Drops the TCP connection without a close handshake, as a power cut does. */
    public void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    // ---- a charger's session -------------------------------------------------------------------

    public CompletableFuture<Map<String, Object>> boot() {
        return call("BootNotification", charger.bootNotification());
    }

    public CompletableFuture<Map<String, Object>> heartbeat() {
        return call("Heartbeat", Charger.map());
    }

    public CompletableFuture<Map<String, Object>> status(int connector, String status, String errorCode) {
        return call("StatusNotification", Charger.statusNotification(connector, status, errorCode));
    }

    public CompletableFuture<Map<String, Object>> authorize(String idTag) {
        return call("Authorize", Charger.map("idTag", idTag));
    }

    /** @return the transaction id given */
    public CompletableFuture<Integer> startTransaction(int connector, String idTag) {
        return call("StartTransaction", Charger.map("connectorId", connector, "idTag", idTag, "meterStart", charger.meter(connector),
                "timestamp", Instant.now().toString())).thenApply(r -> ((Number) r.get("transactionId")).intValue());
    }

    public CompletableFuture<Map<String, Object>> meterValues(int connector) {
        return call("MeterValues", charger.meterValues(connector));
    }

    public CompletableFuture<Map<String, Object>> stopTransaction(int transactionId, int connector, String reason) {
        return call("StopTransaction", Charger.map("transactionId", transactionId, "idTag", "TAG", "meterStop", charger.meter(connector),
                "timestamp", Instant.now().toString(), "reason", reason));
    }

    /**
     * Plays a whole session on one connector: boot, available, authorize, start, charging, meter values while
     * {@code wh} are charged, stop, available.
     *
     * @return the transaction id
     */
    public CompletableFuture<Integer> playSession(int connector, String idTag, double wh) {
        return boot().thenCompose(x -> status(connector, "Available", "NoError"))
                .thenCompose(x -> authorize(idTag))
                .thenCompose(x -> status(connector, "Preparing", "NoError"))
                .thenCompose(x -> startTransaction(connector, idTag))
                .thenCompose(tx -> status(connector, "Charging", "NoError").thenApply(x -> tx))
                .thenCompose(tx -> {
                    charger.charge(connector, wh);
                    return meterValues(connector).thenApply(x -> tx);
                })
                .thenCompose(tx -> stopTransaction(tx, connector, "Local").thenApply(x -> tx))
                .thenCompose(tx -> status(connector, "Available", "NoError").thenApply(x -> tx));
    }

    private void afterResult(String action, Map<String, Object> request, Map<String, Object> result) {
        if (action.equals("StartTransaction") && result.get("transactionId") instanceof Number n) {
            charger.started(((Number) request.get("connectorId")).intValue(), n.intValue());
        } else if (action.equals("StopTransaction")) {
            charger.stopped(((Number) request.get("transactionId")).intValue());
        }
    }

    // ---- what arrives --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void onFrame(String text) {
        Object parsed;
        try {
            parsed = MiniJson.parse(text);
        } catch (IllegalArgumentException e) {
            received.add(List.of("unreadable", text));
            return;
        }
        if (!(parsed instanceof List<?> frame) || frame.size() < 3) {
            received.add(List.of("unreadable", text));
            return;
        }
        List<Object> f = (List<Object>) frame;
        received.add(f);
        Object type = f.get(0);
        if (Long.valueOf(2).equals(type) && f.size() == 4) {
            if (answering == Answering.SILENT) {
                return;
            }
            long delay = answerDelayMillis;
            Runnable answer = () -> answerCall((String) f.get(1), (String) f.get(2), (Map<String, Object>) f.get(3));
            if (delay > 0) {
                CompletableFuture.delayedExecutor(delay, java.util.concurrent.TimeUnit.MILLISECONDS).execute(answer);
            } else {
                answer.run();
            }
            return;
        }
        CompletableFuture<List<Object>> w = waiting.remove(String.valueOf(f.get(1)));
        if (w != null) {
            w.complete(f);
        }
    }

    private void answerCall(String uniqueId, String action, Map<String, Object> payload) {
        Charger.Answer a;
        try {
            a = charger.answer(action, payload);
        } catch (RuntimeException e) {
            send(MiniJson.write(List.of(4L, uniqueId, "InternalError", String.valueOf(e), Charger.map())));
            return;
        }
        if (a.payload() == null) {
            send(MiniJson.write(List.of(4L, uniqueId, "NotImplemented", action + " is not implemented", Charger.map())));
            return;
        }
        send(MiniJson.write(List.of(3L, uniqueId, a.payload())));
        // A charger sends what follows only after its answer, one call at a time.
        CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        for (Charger.Call c : a.followUps()) {
            chain = chain.thenCompose(x -> call(c.action(), c.payload()).handle((r, e) -> null));
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String complete = null;
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    complete = partial.toString();
                    partial.setLength(0);
                }
            }
            if (complete != null) {
                onFrame(complete);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            gone(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            gone(1006);
        }
    }

    private void gone(int code) {
        closedWith.complete(code);
        for (Map.Entry<String, CompletableFuture<List<Object>>> w : waiting.entrySet()) {
            w.getValue().completeExceptionally(new IllegalStateException("the connection closed (" + code + ")"));
        }
        waiting.clear();
    }
}
