package org.bemgate.lemdcbm.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.lemdcbm.internal.client.MeterClient;
import org.bemgate.lemdcbm.internal.client.MeterException;
import org.bemgate.lemdcbm.internal.client.PinnedCertificate;
import org.bemgate.lemdcbm.internal.codec.InvalidReplyException;
import org.bemgate.lemdcbm.internal.codec.LiveField;
import org.bemgate.lemdcbm.internal.codec.MeterCodec;
import org.bemgate.lemdcbm.internal.codec.MeterStatus;
import org.bemgate.lemdcbm.internal.codec.SettingsBodies;
import org.bemgate.lemdcbm.internal.codec.TransactionRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.connector.support.Scheduler;

/**
 * One LEM DCBM 400/600 per factory configuration {@code org.bemgate.lemdcbm}. Reads the meter id
 * from {@code /v1/status} with the start-up retries, then polls {@code /v1/livemeasure}; starts and
 * stops legal transactions through its two actuators and publishes each stopped transaction's OCMF
 * record; keeps the meter's time set by the rules of {@link TimeSync}. Everything runs on the
 * connector's own thread; activation never waits for the meter.
 */
@Component(immediate = true, service = Connector.class, configurationPid = LemDcbmConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + LemDcbmConnector.PROTOCOL)
@Designate(ocd = LemDcbmConfig.class, factory = true)
public final class LemDcbmConnector implements Connector {

    static final String PROTOCOL = "lemdcbm";
    static final long GIVE_UP_PAUSE_MILLIS = 60_000;
    static final long MAX_POLL_PAUSE_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(LemDcbmConnector.class);

    private final DatapointRegistry registry;
    private final String name;
    private final HealthTracker health;
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private Set<String> activeOnFirstSight = Set.of();
    private MeterClient client;
    private MeterSettings settings;
    private TimeSync timeSync;
    // connector thread only
    private MeterStatus status;
    private String runningTransaction = "";
    private long pollPause;
    private volatile boolean closed;

    /** Checks the configuration, registers the datapoints and starts talking to the meter on its own thread. */
    @Activate
    public LemDcbmConnector(@Reference DatapointRegistry registry, LemDcbmConfig cfg) {
        this(registry, cfg, new ExecutorScheduler("bemgate-lemdcbm-" + trim(cfg.name())), System::currentTimeMillis);
    }

    LemDcbmConnector(DatapointRegistry registry, LemDcbmConfig cfg, Scheduler scheduler, LongSupplier wallClock) {
        this.registry = registry;
        this.name = trim(cfg.name());
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        this.health = new HealthTracker(wallClock);
        try {
            settings = MeterSettings.check(name, cfg);
            activeOnFirstSight = settings.activeOnFirstSight();
            client = settings.client();
            register(MeterDatapoints.all(name));
            timeSync = new TimeSync(scheduler.now(), !settings.ntp().isEmpty());
            LOG.info("LEM DCBM connector '{}' reads the meter at {}{}", name, client.base(),
                    trim(cfg.meterCertificate()).isEmpty() ? "" : " trusting only " + PinnedCertificate.parse(cfg.meterCertificate()).describe());
            scheduler.execute(this::connect);
        } catch (MeterSettings.ConfigProblem e) {
            client = null;
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("LEM DCBM connector '{}' is not started: {}. Fix etc/{}-<name>.cfg; other connectors keep running.",
                    name, e.getMessage(), LemDcbmConfig.PID);
        }
    }

    /** Stops the connector's thread; a request under way is interrupted. */
    @Deactivate
    public void close() {
        closed = true;
        scheduler.close();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ConnectorHealth health() {
        return health.snapshot();
    }

    @Override
    public CompletionStage<WriteOutcome> write(String key, Object value) {
        if (closed) {
            return CompletableFuture.completedFuture(WriteOutcome.failed("the connector " + name + " is stopping"));
        }
        if (client == null) {
            return CompletableFuture.completedFuture(WriteOutcome.failed("the connector is FAILED: " + health.snapshot().reason()));
        }
        CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();
        switch (key) {
            case MeterDatapoints.START -> {
                TransactionRequest request;
                try {
                    request = TransactionRequest.parse(value, settings.defaults());
                } catch (IllegalArgumentException e) {
                    health.increment("rejectedWrites");
                    return CompletableFuture.completedFuture(WriteOutcome.rejected(e.getMessage()));
                }
                scheduler.execute(() -> start(request, outcome));
            }
            case MeterDatapoints.STOP -> {
                if (value != null && !(value instanceof String)) {
                    health.increment("rejectedWrites");
                    return CompletableFuture.completedFuture(WriteOutcome.rejected("transactionStop: write the transaction id as text"));
                }
                scheduler.execute(() -> stop(value == null ? "" : ((String) value).strip(), outcome));
            }
            default -> {
                health.increment("rejectedWrites");
                return CompletableFuture.completedFuture(WriteOutcome.rejected("'" + key + "' is not an actuator of " + name));
            }
        }
        health.increment("writes");
        return outcome.thenApply(o -> {
            if (!o.isAccepted()) {
                health.increment(o.status() == WriteOutcome.Status.REJECTED ? "rejectedWrites" : "failedWrites");
                // the value is left out: a start may carry a user's identification (an RFID UID)
                LOG.warn("LEM DCBM connector '{}': {} was not done: {}", name, key, o.reason());
            }
            return o;
        });
    }

    // ---- start-up and polling ------------------------------------------------------------------

    private void connect() {
        Attempts.run(scheduler, settings.initialRetries(), settings.initialDelay(),
                () -> exchange("GET", "/v1/status", null, 200, MeterCodec::status),
                (n, of, e) -> offline("cannot read the meter id: " + e.getMessage() + (n < of ? " (attempt " + n + " of " + of
                        + ", next in " + seconds(settings.initialDelay()) + ")" : " (" + of + " attempts failed; trying again every "
                                + seconds(GIVE_UP_PAUSE_MILLIS) + ")")))
                .whenComplete((s, e) -> {
                    if (s != null) {
                        connected(s);
                    } else if (!closed) {
                        scheduler.schedule(this::connect, GIVE_UP_PAUSE_MILLIS);
                    }
                });
    }

    private void connected(MeterStatus s) {
        status = s;
        if (s.transactionOngoing()) {
            try {
                runningTransaction = exchange("GET", "/v1/legal", null, 200, MeterCodec::lastTransactionId);
                LOG.warn("LEM DCBM meter {} of '{}' has transaction '{}' running from before; stop it with {}", s.meterId(), name,
                        runningTransaction, MeterDatapoints.STOP);
            } catch (MeterException e) {
                LOG.warn("LEM DCBM meter {} of '{}' has a transaction running, whose id cannot be read: {}", s.meterId(), name,
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        publish(Map.of(MeterDatapoints.METER_ID, s.meterId(), MeterDatapoints.FIRMWARE, s.firmware(),
                MeterDatapoints.PUBLIC_KEY_OCMF, s.publicKeyOcmf(), MeterDatapoints.TRANSACTION_RUNNING, s.transactionOngoing(),
                MeterDatapoints.TRANSACTION_ID, runningTransaction));
        LOG.info("LEM DCBM connector '{}' found meter {} (firmware {}) at {}", name, s.meterId(), s.firmware(), client.base());
        online();
        pollPause = settings.pollMillis();
        poll();
    }

    private void poll() {
        if (closed) {
            return;
        }
        health.increment("polls");
        try {
            Map<LiveField, Object> values = exchange("GET", "/v1/livemeasure", null, 200, MeterCodec::liveMeasure);
            Map<String, Object> byKey = new LinkedHashMap<>();
            values.forEach((f, v) -> byKey.put(f.key(), v));
            publish(byKey);
            online();
            pollPause = settings.pollMillis();
            if (timeSync.due(scheduler.now())) {
                syncTime();
            }
        } catch (MeterException e) {
            health.increment("errors");
            pollPause = Math.min(MAX_POLL_PAUSE_MILLIS, pollPause * 2);
            offline("cannot read live values: " + e.getMessage() + " (next attempt in " + seconds(pollPause) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        scheduler.schedule(this::poll, pollPause);
    }

    // ---- time ----------------------------------------------------------------------------------

    /** Writes the time (or NTP) settings, each must be taken; the next sync is due by {@link TimeSync}'s rules. */
    private boolean syncTime() throws InterruptedException {
        List<String> bodies = timeSync.ntp() ? SettingsBodies.ntp(settings.ntp())
                : SettingsBodies.timeSync(Instant.ofEpochMilli(wallClock.getAsLong()));
        try {
            for (String body : bodies) {
                exchange("PUT", "/v1/settings", body, 200, b -> {
                    MeterCodec.settingsAccepted(b);
                    return b;
                });
            }
            timeSync.succeeded(scheduler.now());
            health.increment("timeSyncs");
            LOG.debug("LEM DCBM connector '{}': meter {} {}", name, status.meterId(), timeSync.ntp() ? "uses NTP" : "time set");
            return true;
        } catch (MeterException e) {
            timeSync.failed(scheduler.now());
            health.increment("failedTimeSyncs");
            LOG.warn("LEM DCBM connector '{}': cannot {} on meter {}: {}; trying again in {}", name,
                    timeSync.ntp() ? "set up NTP" : "set the time", status.meterId(), e.getMessage(), seconds(TimeSync.RETRY_MILLIS));
            return false;
        }
    }

    // ---- transactions --------------------------------------------------------------------------

    private void start(TransactionRequest request, CompletableFuture<WriteOutcome> outcome) {
        if (status == null) {
            outcome.complete(WriteOutcome.failed("the meter has not given its id yet: " + health.snapshot().reason()));
            return;
        }
        try {
            if (timeSync.beforeStart(scheduler.now())) {
                syncTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.complete(WriteOutcome.failed("the connector is stopping"));
            return;
        }
        String id = request.transactionId();
        Attempts.run(scheduler, settings.txRetries(), settings.txDelay(),
                () -> exchange("POST", "/v1/legal", request.toJson(), 201, body -> {
                    MeterCodec.started(body, id);
                    return body;
                }), this::retried)
                .whenComplete((ok, e) -> {
                    if (ok != null) {
                        runningTransaction = id;
                        health.increment("transactionsStarted");
                        publish(Map.of(MeterDatapoints.TRANSACTION_ID, id, MeterDatapoints.TRANSACTION_RUNNING, true));
                        LOG.info("LEM DCBM connector '{}': transaction '{}' runs on meter {}", name, id, status.meterId());
                        outcome.complete(WriteOutcome.accepted());
                    } else {
                        outcome.complete(notDone("start transaction '" + id + "'", e));
                    }
                });
    }

    private void stop(String requested, CompletableFuture<WriteOutcome> outcome) {
        String id = requested.isEmpty() ? runningTransaction : requested;
        if (id.isEmpty()) {
            outcome.complete(WriteOutcome.rejected("transactionStop: no id given and no transaction is known to run"));
            return;
        }
        if (status == null) {
            outcome.complete(WriteOutcome.failed("the meter has not given its id yet: " + health.snapshot().reason()));
            return;
        }
        String query = MeterClient.query("transactionId", id);
        Attempts.run(scheduler, settings.txRetries(), settings.txDelay(),
                () -> exchange("PUT", "/v1/legal" + query, "{\"running\":false}", 200, body -> {
                    MeterCodec.stopped(body);
                    return body;
                }), this::retried)
                .whenComplete((ok, e) -> {
                    if (ok == null) {
                        outcome.complete(notDone("stop transaction '" + id + "'", e));
                        return;
                    }
                    health.increment("transactionsStopped");
                    if (id.equals(runningTransaction)) {
                        runningTransaction = "";
                    }
                    publish(Map.of(MeterDatapoints.TRANSACTION_ID, runningTransaction, MeterDatapoints.TRANSACTION_RUNNING,
                            !runningTransaction.isEmpty()));
                    readOcmf(id, query, outcome);
                });
    }

    private void readOcmf(String id, String query, CompletableFuture<WriteOutcome> outcome) {
        Attempts.run(scheduler, settings.txRetries(), settings.txDelay(),
                () -> exchange("GET", "/v1/ocmf" + query, null, 200, MeterCodec::ocmf), this::retried)
                .whenComplete((ocmf, e) -> {
                    if (ocmf != null) {
                        publish(Map.of(MeterDatapoints.OCMF, ocmf));
                        LOG.info("LEM DCBM connector '{}': transaction '{}' stopped; its OCMF record is in {}/{}", name, id, name,
                                MeterDatapoints.OCMF);
                        outcome.complete(WriteOutcome.accepted());
                    } else {
                        health.increment("missingOcmf");
                        outcome.complete(WriteOutcome.failed("transaction '" + id + "' is stopped, but its OCMF record cannot be read: "
                                + cause(e).getMessage() + "; it stays on the meter (GET /v1/ocmf?transactionId=" + id + ")"));
                    }
                });
    }

    private void retried(int attempt, int attempts, MeterException e) {
        if (attempt < attempts) {
            health.increment("retries");
            LOG.debug("LEM DCBM connector '{}': attempt {} of {} failed: {}", name, attempt, attempts, e.getMessage());
        }
    }

    private WriteOutcome notDone(String what, Throwable e) {
        MeterException m = cause(e);
        String reason = "the meter did not " + what + " after " + (settings.txRetries() + 1) + " attempts: " + m.getMessage();
        return m.refusedByMeter() ? WriteOutcome.rejected(reason) : WriteOutcome.failed(reason);
    }

    private static MeterException cause(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof MeterException m ? m : new MeterException(String.valueOf(t), 0);
    }

    // ---- exchanges and publishing --------------------------------------------------------------

    /** Parses a body, or says why it is invalid. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(String body) throws InvalidReplyException;
    }

    private <T> T exchange(String method, String path, String body, int expected, Parser<T> parser)
            throws MeterException, InterruptedException {
        MeterClient.Reply r = client.send(method, path, body);
        if (r.status() != expected) {
            health.increment("httpErrors");
            String text = r.body() == null ? "" : r.body().strip();
            throw new MeterException(method + " " + path + ": HTTP " + r.status()
                    + (text.isEmpty() ? "" : " " + (text.length() > 120 ? text.substring(0, 120) + "…" : text)), r.status());
        }
        try {
            T parsed = parser.parse(r.body());
            health.goodExchange();
            return parsed;
        } catch (InvalidReplyException e) {
            health.increment("invalidReplies");
            throw new MeterException(method + " " + path + ": invalid answer: " + e.getMessage(), 0);
        }
    }

    private void publish(Map<String, Object> values) {
        long at = wallClock.getAsLong();
        List<Sample> samples = new ArrayList<>(values.size());
        values.forEach((k, v) -> samples.add(new Sample(DatapointId.of(name, k), new Value(v, at))));
        int refused = registry.publishAll(samples);
        for (int i = 0; i < refused; i++) {
            health.increment("refusedValues");
        }
    }

    private void online() {
        if (health.set(ConnectorStatus.ONLINE, "")) {
            LOG.info("LEM DCBM connector '{}' is ONLINE (meter {})", name, status == null ? "?" : status.meterId());
        }
    }

    private void offline(String reason) {
        boolean wasOffline = health.status() == ConnectorStatus.OFFLINE;
        health.set(ConnectorStatus.OFFLINE, reason);
        if (!wasOffline) {
            LOG.warn("LEM DCBM connector '{}' is OFFLINE: {}", name, reason);
        } else {
            LOG.debug("LEM DCBM connector '{}' is still OFFLINE: {}", name, reason);
        }
    }

    private void register(List<DatapointMetadata> datapoints) {
        List<DatapointId> activate = datapoints.stream().map(DatapointMetadata::id)
                .filter(id -> activeOnFirstSight.contains(id.key()) && registry.get(id).isEmpty()).toList();
        registry.register(name, datapoints);
        if (!activate.isEmpty()) {
            registry.setActive(activate, true);
        }
    }

    // ---- configuration -------------------------------------------------------------------------

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
