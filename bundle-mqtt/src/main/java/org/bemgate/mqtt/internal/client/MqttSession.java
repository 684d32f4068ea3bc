package org.bemgate.mqtt.internal.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.bemgate.connector.support.Scheduler;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one broker with Paho's asynchronous client, kept up by the session itself:
 * connection attempts with a doubling pause, every subscription made again after each (re)connection,
 * and messages published while the broker is away kept in a bounded buffer (oldest dropped and counted)
 * and sent, in order, once it is back.
 *
 * <p>Threads: connection handling and {@link Handler} calls run on the owner's {@link Scheduler};
 * {@link #publish} may be called from any thread; Paho's own threads only hand work over, so nothing
 * the handler throws can reach them.
 */
public final class MqttSession {

    /** What the owner of a session hears; every call runs on the owner's scheduler. */
    public interface Handler {
        /** The session is connected, the buffer handed to Paho and the broker has answered the subscriptions made again. */
        void connected();

        /**
         * The broker cannot be reached or refused the connection; the session tries again by itself.
         *
         * @param reason for an operator, naming the broker
         */
        void disconnected(String reason);

        /**
         * A message arrived on a subscribed topic.
         *
         * @param topic the concrete topic
         * @param message the message; its payload is the owner's to keep
         */
        void message(String topic, MqttMessage message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);
    private static final long FIRST_RETRY_MILLIS = 1000;
    private static final int MAX_INFLIGHT = 1000;

    private final String owner;
    private final BrokerSettings settings;
    private final Scheduler scheduler;
    private final Handler handler;
    private final Backoff backoff;
    private final BurstLog sendProblems;
    // scheduler thread only
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    private MqttAsyncClient client;
    private Scheduler.Timer retry;
    private boolean everConnected;
    private String lastProblem = "";

    // guarded by outLock: the connection state the publishers see and the buffer
    private final Object outLock = new Object();
    private final OfflineBuffer buffer;
    private boolean connected;
    private boolean flushPending;
    private long seq;

    private volatile boolean closed;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong requeued = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong unansweredSubscriptions = new AtomicLong();

    private final IMqttActionListener delivery = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            sent.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            Object m = token.getUserContext();
            if (m instanceof Outgoing && !closed) {
                // lost with the connection: back into the buffer at its old place
                requeued.incrementAndGet();
                synchronized (outLock) {
                    buffer.add((Outgoing) m);
                    if (connected) {
                        scheduleFlush(0);
                    }
                }
            }
        }
    };

    /**
     * @param owner who uses the session, for log lines ({@code MQTT bridge}, {@code remote MQTT connector 'x'})
     * @param settings the broker
     * @param scheduler the owner's thread
     * @param bufferSize messages kept while the broker is away
     * @param handler told about connections and messages
     */
    public MqttSession(String owner, BrokerSettings settings, Scheduler scheduler, int bufferSize, Handler handler) {
        this.owner = owner;
        this.settings = settings;
        this.scheduler = scheduler;
        this.handler = handler;
        this.buffer = new OfflineBuffer(bufferSize);
        this.backoff = new Backoff(FIRST_RETRY_MILLIS, settings.reconnectMaxMillis());
        this.sendProblems = new BurstLog(LOG, System::currentTimeMillis, 60_000);
    }

    /** Starts connecting on the scheduler; returns at once. */
    public void start() {
        scheduler.execute(this::connect);
    }

    /** Disconnects and releases Paho's threads and socket; nothing is sent afterwards. */
    public void close() {
        closed = true;
        synchronized (outLock) {
            connected = false;
        }
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(0, 1000, true);
                }
            } catch (MqttException | RuntimeException e) {
                LOG.debug("{}: disconnecting from {}: {}", owner, settings.address(), e.toString());
            }
            try {
                c.close(true);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("{}: closing the client for {}: {}", owner, settings.address(), e.toString());
            }
        }
    }

    // ---- subscriptions (scheduler thread) ------------------------------------------------------

    /** Subscribes now if connected, and after every reconnection. */
    public void subscribe(String filter, int qos) {
        Integer old = subscriptions.put(filter, qos);
        if (old != null && old == qos) {
            return;
        }
        if (isConnected()) {
            subscribeNow(new String[] { filter }, new int[] { qos }, null);
        }
    }

    /** Unsubscribes now if connected, and forgets the filter. */
    public void unsubscribe(String filter) {
        if (subscriptions.remove(filter) == null) {
            return;
        }
        MqttAsyncClient c = client;
        if (c != null && isConnected()) {
            try {
                c.unsubscribe(filter);
            } catch (MqttException e) {
                LOG.debug("{}: unsubscribing from '{}': {}", owner, filter, e.toString());
            }
        }
    }

    /** Subscribes; {@code answered}, if any, runs on the scheduler once the broker has answered (or the request failed). */
    private void subscribeNow(String[] filters, int[] qos, Runnable answered) {
        unansweredSubscriptions.incrementAndGet();
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    unansweredSubscriptions.decrementAndGet();
                    if (answered != null) {
                        scheduler.execute(answered);
                    }
                    int[] granted = token.getGrantedQos();
                    for (int i = 0; granted != null && i < granted.length && i < filters.length; i++) {
                        if (granted[i] == 0x80) {
                            LOG.warn("{}: {} refused the subscription to '{}' (not allowed for this user?)", owner,
                                    settings.address(), filters[i]);
                        }
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    unansweredSubscriptions.decrementAndGet();
                    if (answered != null) {
                        scheduler.execute(answered);
                    }
                    LOG.debug("{}: subscribing to {} failed: {}", owner, List.of(filters), e.toString());
                }
            });
        } catch (MqttException e) {
            unansweredSubscriptions.decrementAndGet();
            if (answered != null) {
                scheduler.execute(answered);
            }
            LOG.debug("{}: subscribing to {} failed: {}", owner, List.of(filters), e.toString());
        }
    }

    // ---- publishing (any thread) ---------------------------------------------------------------

    /**
     * Publishes, or keeps the message until the broker is back (dropping the oldest when the buffer is full).
     */
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        synchronized (outLock) {
            Outgoing m = new Outgoing(seq++, topic, payload, qos, retain);
            if (connected && buffer.isEmpty() && send(m)) {
                return;
            }
            buffer.add(m);
            if (connected) {
                scheduleFlush(0);
            }
        }
    }

    /** Publishes only if connected; what is worthless later (a heartbeat) is not kept. */
    public void publishIfConnected(String topic, byte[] payload, int qos, boolean retain) {
        synchronized (outLock) {
            if (connected && buffer.isEmpty()) {
                send(new Outgoing(seq++, topic, payload, qos, retain));
            }
        }
    }

    /**
     * Publishes now and tells when the broker has it (for qos 0: when it is written), or fails at once
     * when not connected; for actuator values, which must not arrive late.
     *
     * @return completes with null, or exceptionally with the reason
     */
    public CompletionStage<Void> publishNow(String topic, byte[] payload, int qos, boolean retain) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient c = client;
        if (c == null || !isConnected()) {
            done.completeExceptionally(new IllegalStateException("not connected to " + settings.address()));
            return done;
        }
        try {
            c.publish(topic, payload, qos, retain, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    sent.incrementAndGet();
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    failedSends.incrementAndGet();
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            failedSends.incrementAndGet();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Hands one message to Paho; false if it must wait in the buffer. Called holding outLock. */
    private boolean send(Outgoing m) {
        try {
            client.publish(m.topic(), m.payload(), m.qos(), m.retain(), m, delivery);
            return true;
        } catch (MqttException e) {
            switch (e.getReasonCode()) {
                case MqttException.REASON_CODE_MAX_INFLIGHT:
                    scheduleFlush(20);
                    return false;
                case MqttException.REASON_CODE_CLIENT_NOT_CONNECTED:
                case MqttException.REASON_CODE_CONNECTION_LOST:
                case MqttException.REASON_CODE_CLIENT_DISCONNECTING:
                    return false;
                default:
                    failedSends.incrementAndGet();
                    sendProblems.warn("{}: a message to '{}' was dropped: {}", owner, m.topic(), e.getMessage());
                    return true;
            }
        } catch (RuntimeException e) {
            // Paho refuses an invalid topic with IllegalArgumentException: the message can never be sent
            failedSends.incrementAndGet();
            sendProblems.warn("{}: a message to '{}' was dropped: {}", owner, m.topic(), e.getMessage());
            return true;
        }
    }

    private void scheduleFlush(long delayMillis) {
        if (!flushPending) {
            flushPending = true;
            scheduler.schedule(this::flush, delayMillis);
        }
    }

    /** Sends what waited, oldest first, until Paho's window is full or the connection is gone again. */
    private void flush() {
        synchronized (outLock) {
            flushPending = false;
            if (!connected) {
                return;
            }
            List<Outgoing> waiting = buffer.drain();
            for (int i = 0; i < waiting.size(); i++) {
                if (!send(waiting.get(i))) {
                    for (int j = i; j < waiting.size(); j++) {
                        buffer.add(waiting.get(j));
                    }
                    return;
                }
            }
        }
    }

    // ---- connection (scheduler thread) ---------------------------------------------------------

    private void connect() {
        retry = null;
        if (closed) {
            return;
        }
        try {
            if (client == null) {
                // Memory persistence: Paho's default writes files into the working directory.
                client = new MqttAsyncClient(settings.uri(), settings.clientId(), new MemoryPersistence());
                client.setCallback(new Callback());
            }
            client.connect(settings.options(MAX_INFLIGHT), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    scheduler.execute(MqttSession.this::onConnected);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    scheduler.execute(() -> onConnectFailed(e));
                }
            });
        } catch (MqttException | RuntimeException e) {
            onConnectFailed(e);
        }
    }

    private void onConnected() {
        if (closed) {
            return;
        }
        connects.incrementAndGet();
        backoff.reset();
        LOG.info("{}: connected to {}{}", owner, settings, everConnected ? " again" : "");
        everConnected = true;
        lastProblem = "";
        synchronized (outLock) {
            connected = true;
        }
        flush();
        if (subscriptions.isEmpty()) {
            ready();
        } else {
            // the owner hears "connected" once the broker has its subscriptions again, so nothing sent after that is missed
            String[] filters = subscriptions.keySet().toArray(new String[0]);
            int[] qos = subscriptions.values().stream().mapToInt(Integer::intValue).toArray();
            subscribeNow(filters, qos, this::ready);
        }
    }

    private void ready() {
        if (closed || !isConnected()) {
            return;
        }
        try {
            handler.connected();
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    private void onConnectFailed(Throwable e) {
        if (closed) {
            return;
        }
        String reason = describe(e);
        disconnected("cannot connect to " + settings.address() + ": " + reason);
    }

    private void disconnected(String reason) {
        synchronized (outLock) {
            connected = false;
        }
        long delay = backoff.nextDelay();
        if (!reason.equals(lastProblem)) {
            // the first time at warn, repeats of the same problem at debug: an operator sees one line per outage
            LOG.warn("{}: {}; trying again in {} s and then with growing pauses", owner, reason, delay / 1000.0);
            lastProblem = reason;
        } else {
            LOG.debug("{}: {}; next attempt in {} s", owner, reason, delay / 1000.0);
        }
        try {
            handler.disconnected(reason);
        } catch (RuntimeException ex) {
            handlerFailed(ex);
        }
        if (retry == null && !closed) {
            retry = scheduler.schedule(this::connect, delay);
        }
    }

    private void handlerFailed(RuntimeException e) {
        handlerFailures.incrementAndGet();
        LOG.error("{}: handling an MQTT event failed; the session keeps running", owner, e);
    }

    /** @return Paho's reason in words, with the cause when it says more (connection refused, TLS, ...) */
    static String describe(Throwable e) {
        if (e instanceof MqttException) {
            MqttException m = (MqttException) e;
            int code = m.getReasonCode();
            if (code >= 1 && code <= 5) {
                return "the broker refused the connection: " + m.getMessage() + " (CONNACK " + code + ")";
            }
            Throwable cause = m.getCause();
            return m.getMessage() + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
        }
        return String.valueOf(e);
    }

    // ---- state for owners and metrics ----------------------------------------------------------

    /** @return true while connected */
    public boolean isConnected() {
        synchronized (outLock) {
            return connected;
        }
    }

    /** @return messages waiting for the broker */
    public int buffered() {
        synchronized (outLock) {
            return buffer.size();
        }
    }

    /** @return messages dropped because the buffer was full */
    public long dropped() {
        synchronized (outLock) {
            return buffer.dropped();
        }
    }

    /** @return messages the broker took (qos 0: written to the socket) */
    public long sent() {
        return sent.get();
    }

    /** @return messages that could never be sent (invalid topic, ...) */
    public long failedSends() {
        return failedSends.get();
    }

    /** @return messages handed back to the buffer because the connection broke while they were in flight */
    public long requeued() {
        return requeued.get();
    }

    /** @return successful connections, the first included */
    public long connects() {
        return connects.get();
    }

    /** @return messages received on subscriptions */
    public long received() {
        return received.get();
    }

    /** @return subscription requests the broker has not answered yet */
    public long unansweredSubscriptions() {
        return unansweredSubscriptions.get();
    }

    /** @return the broker's address, for reasons and log lines */
    public String address() {
        return settings.address();
    }

    /** Paho's callbacks: hand everything to the scheduler, never throw into Paho's threads. */
    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            synchronized (outLock) {
                connected = false;
            }
            scheduler.execute(() -> {
                if (!closed) {
                    disconnected("lost the connection to " + settings.address() + ": " + describe(cause));
                }
            });
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
            scheduler.execute(() -> {
                try {
                    handler.message(topic, message);
                } catch (RuntimeException e) {
                    handlerFailed(e);
                }
            });
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // counted by the per-message listeners
        }
    }
}
