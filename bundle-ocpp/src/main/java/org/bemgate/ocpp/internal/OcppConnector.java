package org.bemgate.ocpp.internal;

import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.connector.support.Scheduler;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.ocpp.internal.codec.ErrorCode;
import org.bemgate.ocpp.internal.codec.Frame;
import org.bemgate.ocpp.internal.codec.FrameCodec;
import org.bemgate.ocpp.internal.codec.Messages;
import org.bemgate.ocpp.internal.codec.OcppViolation;
import org.bemgate.ocpp.internal.codec.Violation;
import org.bemgate.ocpp.internal.server.Handshake;
import org.bemgate.ocpp.internal.server.Link;
import org.bemgate.ocpp.internal.server.OcppServer;
import org.bemgate.ocpp.internal.server.SessionEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OCPP 1.6J central system per factory configuration {@code org.bemgate.ocpp}: it owns one listen
 * port, serves any number of charge points on it and keys each one's datapoints by its id
 * ({@code <id>__BootNotification__charge_point_vendor}, {@code <id>__execute_send_charging_profile__}).
 *
 * <p>Jetty's threads read and check frames; everything else (answers, calls, timeouts, publishing)
 * runs on the connector's scheduler thread, so the charge points' state needs no locks.
 */
@Component(immediate = true, service = Connector.class, configurationPid = OcppConnectorConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = Connector.PROTOCOL + "=" + OcppConnector.PROTOCOL)
@Designate(ocd = OcppConnectorConfig.class, factory = true)
public final class OcppConnector implements Connector, SessionEvents {

    static final String PROTOCOL = "ocpp";
    private static final Logger LOG = LoggerFactory.getLogger(OcppConnector.class);
    private static final long FIRST_BIND_RETRY_MILLIS = 2_000;
    private static final long MAX_BIND_RETRY_MILLIS = 60_000;

    private final DatapointRegistry registry;
    private final String name;
    private final HealthTracker health = new HealthTracker();
    private final Scheduler scheduler;
    private final LongSupplier wallClock;
    private final Settings settings;
    private final Answers answers;
    private final Map<String, ChargePoint> chargePoints = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final BurstLog malformedLog = new BurstLog();
    private final BurstLog refusedLog = new BurstLog();
    private final BurstLog unexpectedLog = new BurstLog();
    private volatile OcppServer server;
    private volatile int boundPort;
    private volatile boolean closed;
    private long bindRetryMillis = FIRST_BIND_RETRY_MILLIS;
    private Scheduler.Timer bindRetry;

    /** Checks the configuration and starts the server on the connector's thread. */
    @Activate
    public OcppConnector(@Reference DatapointRegistry registry, OcppConnectorConfig cfg) {
        this(registry, cfg, new ExecutorScheduler("bemgate-ocpp-" + (cfg.name() == null ? "" : cfg.name().strip())),
                System::currentTimeMillis);
    }

    OcppConnector(DatapointRegistry registry, OcppConnectorConfig cfg, Scheduler scheduler, LongSupplier wallClock) {
        this.registry = registry;
        this.name = cfg.name() == null ? "" : cfg.name().strip();
        this.scheduler = scheduler;
        this.wallClock = wallClock;
        Settings checked = null;
        try {
            checked = Settings.from(cfg);
        } catch (ConfigProblem e) {
            health.set(ConnectorStatus.FAILED, e.getMessage());
            LOG.error("OCPP connector '{}' is not started: {}. Fix etc/{}-<name>.cfg; other connectors keep running.", name,
                    e.getMessage(), OcppConnectorConfig.PID);
        }
        this.settings = checked;
        this.answers = checked == null ? null : new Answers(checked, wallClock.getAsLong());
        if (checked != null) {
            for (String id : checked.handshake().allowedIds()) {
                registerActuators(chargePoint(id));
            }
            scheduler.execute(this::startServer);
        }
    }

    /** Closes every session and the port, and stops the connector's threads. */
    @Deactivate
    public void close() {
        closed = true;
        OcppServer s = server;
        if (s != null) {
            s.stop();
        }
        scheduler.close();
        long now = wallClock.getAsLong();
        List<Sample> offline = new ArrayList<>();
        for (ChargePoint cp : chargePoints.values()) {
            cp.abandon("the connector is stopping");
            if (cp.online) {
                cp.online = false;
                offline.add(new Sample(DatapointId.of(name, Keys.of(cp.id, "online")), new Value(false, now)));
            }
        }
        if (!offline.isEmpty()) {
            registry.publishAll(offline);
        }
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

    /** @return the port listened on, 0 before it is bound */
    int port() {
        return boundPort;
    }

    /** @return the charge points seen since activation, sorted by id, for the shell */
    List<ChargePointView> chargePoints() {
        List<ChargePointView> views = new ArrayList<>();
        for (ChargePoint cp : chargePoints.values()) {
            views.add(new ChargePointView(cp.id, cp.online, cp.remote, cp.vendor, cp.model, cp.firmware, cp.lastHeartbeat,
                    cp.lastMessage, Map.copyOf(cp.connectorStatus), List.copyOf(cp.transactions.values())));
        }
        views.sort(Comparator.comparing(ChargePointView::id));
        return views;
    }

    // ---- the listen port -----------------------------------------------------------------------

    private void startServer() {
        if (closed) {
            return;
        }
        OcppServer.Listen listen = settings.listen();
        if (!listen.keystore().isEmpty()) {
            String problem = keystoreProblem(listen);
            if (problem != null) {
                health.set(ConnectorStatus.FAILED, problem);
                LOG.error("OCPP connector '{}' is not started: {}. Fix etc/{}-{}.cfg", name, problem, OcppConnectorConfig.PID, name);
                return;
            }
        }
        OcppServer candidate = new OcppServer(listen, settings.handshake(), this, "bemgate-ocpp-" + name + "-jetty");
        try {
            candidate.start();
        } catch (Exception e) {
            String reason = "port: " + listen.port() + " on " + listen.bind() + " cannot be bound (" + e.getMessage()
                    + "); another program or connector holds it. Retrying in " + bindRetryMillis / 1000 + " s";
            if (health.set(ConnectorStatus.OFFLINE, reason.replaceAll("Retrying in \\d+ s", "Retrying"))) {
                LOG.error("OCPP connector '{}': {}", name, reason);
            }
            bindRetry = scheduler.schedule(this::startServer, bindRetryMillis);
            bindRetryMillis = Math.min(MAX_BIND_RETRY_MILLIS, bindRetryMillis * 2);
            return;
        }
        if (closed) {
            candidate.stop();
            return;
        }
        server = candidate;
        boundPort = candidate.port();
        bindRetryMillis = FIRST_BIND_RETRY_MILLIS;
        health.set(ConnectorStatus.ONLINE, "");
        LOG.info("OCPP connector '{}' listens on {}://{}:{}/<any path>/<charge point id> (subprotocol ocpp1.6)", name,
                listen.keystore().isEmpty() ? "ws" : "wss", listen.bind(), boundPort);
    }

    private static String keystoreProblem(OcppServer.Listen listen) {
        try (InputStream in = new FileInputStream(listen.keystore())) {
            KeyStore ks = KeyStore.getInstance(listen.keystoreType());
            ks.load(in, listen.keystorePassword().toCharArray());
            return null;
        } catch (java.security.KeyStoreException e) {
            return "keystoreType: " + listen.keystoreType() + " is not a keystore type (PKCS12 or JKS)";
        } catch (java.io.IOException e) {
            return (e.getCause() instanceof java.security.UnrecoverableKeyException ? ".keystorePassword: wrong for " : "keystore: cannot read ")
                    + listen.keystore() + " (" + e.getMessage() + ")";
        } catch (java.security.GeneralSecurityException e) {
            return "keystore: cannot read " + listen.keystore() + " (" + e.getMessage() + ")";
        }
    }

    // ---- what the server reports (Jetty's threads) ---------------------------------------------

    @Override
    public void opened(String chargePointId, Link link) {
        scheduler.execute(() -> onOpen(chargePointId, link));
    }

    @Override
    public void text(String chargePointId, Link link, String text) {
        Inbound in = Inbound.read(text);
        scheduler.execute(() -> onInbound(chargePointId, link, in));
    }

    @Override
    public void closed(String chargePointId, Link link, int code, String reason) {
        scheduler.execute(() -> onClose(chargePointId, link, code, reason));
    }

    @Override
    public void binary(String chargePointId, Link link) {
        health.increment("malformedFrames");
        logMalformed(chargePointId, "a binary message, which OCPP-J does not use; ignored");
    }

    @Override
    public void refused(Handshake.Result result, String remote) {
        health.increment("refusedConnections");
        long held = refusedLog.admit();
        if (held >= 0) {
            LOG.warn("OCPP connector '{}': refused a connection from {} with HTTP {}: {}{}", name, remote, result.httpStatus(),
                    result.reason(), held > 0 ? " (" + held + " more refusals in the last minute not logged)" : "");
        }
    }

    // ---- sessions (scheduler thread) -----------------------------------------------------------

    private ChargePoint chargePoint(String id) {
        return chargePoints.computeIfAbsent(id, i -> new ChargePoint(i, scheduler, settings.callTimeoutMillis()));
    }

    private void onOpen(String id, Link link) {
        ChargePoint cp = chargePoint(id);
        Link old = cp.attach(link, wallClock.getAsLong());
        if (old != null) {
            old.close(1000, "replaced by a new connection of the same charge point");
            LOG.info("OCPP charge point '{}' of {} connected again from {}; the old connection is closed", id, name, link.remote());
        } else {
            LOG.info("OCPP charge point '{}' of {} connected from {}", id, name, link.remote());
        }
        health.increment("connects");
        registerActuators(cp);
        Batch b = new Batch();
        b.bool(Keys.of(id, "online"), true, "Whether the charge point is connected");
        publish(b);
    }

    private void onClose(String id, Link link, int code, String reason) {
        ChargePoint cp = chargePoints.get(id);
        if (cp == null || cp.link() != link) {
            return;
        }
        cp.detach("disconnected");
        health.increment("disconnects");
        LOG.info("OCPP charge point '{}' of {} disconnected ({} {})", id, name, code, reason == null ? "" : reason);
        Batch b = new Batch();
        b.bool(Keys.of(id, "online"), false, "Whether the charge point is connected");
        publish(b);
    }

    private void onInbound(String id, Link link, Inbound in) {
        ChargePoint cp = chargePoints.get(id);
        if (cp == null || cp.link() != link) {
            return;
        }
        long now = wallClock.getAsLong();
        cp.lastMessage = now;
        health.increment("messages");
        if (in.broken() != null) {
            OcppViolation v = in.broken();
            health.increment("malformedFrames");
            logMalformed(id, v.code().wire() + ": " + v.getMessage());
            if (v.answerable()) {
                link.send(FrameCodec.error(v.uniqueId(), v.code(), v.getMessage()));
            }
            return;
        }
        health.goodExchange();
        if (in.frame() instanceof Frame.Call call) {
            if (in.invalid() != null) {
                health.increment("invalidMessages");
                logMalformed(id, call.action() + " " + in.invalid().code().wire() + ": " + in.invalid().describe());
                link.send(FrameCodec.error(call.uniqueId(), in.invalid().code(), in.invalid().describe()));
                return;
            }
            Batch b = new Batch();
            ObjectNode conf;
            try {
                conf = answers.answer(cp, call.action(), call.payload(), b, now);
            } catch (RuntimeException e) {
                LOG.error("OCPP connector '{}': answering {} of charge point '{}' failed", name, call.action(), id, e);
                link.send(FrameCodec.error(call.uniqueId(), ErrorCode.INTERNAL_ERROR, "the central system failed on this message"));
                return;
            }
            // published first, so whoever sees the answer finds the values in the registry
            publish(b);
            link.send(FrameCodec.result(call.uniqueId(), conf));
            return;
        }
        String unexpected = cp.resolve(in.frame());
        if (unexpected != null) {
            health.increment(unexpected);
            long held = unexpectedLog.admit();
            if (held >= 0) {
                LOG.debug("OCPP charge point '{}' of {}: {} for id {} ignored ({} more held back)", id, name,
                        unexpected.equals("lateResults") ? "an answer after the timeout" : "an answer to no call",
                        in.frame().uniqueId(), held);
            }
        }
    }

    private void logMalformed(String id, String what) {
        long held = malformedLog.admit();
        if (held >= 0) {
            LOG.warn("OCPP charge point '{}' of {} sent a message that breaks OCPP 1.6: {}{}", id, name, what,
                    held > 0 ? " (" + held + " more in the last minute not logged; see counters)" : "");
        }
    }

    // ---- writes --------------------------------------------------------------------------------

    @Override
    public CompletionStage<WriteOutcome> write(String key, Object value) {
        CompletableFuture<WriteOutcome> out = new CompletableFuture<>();
        if (closed) {
            out.complete(WriteOutcome.failed("the connector " + name + " is stopping"));
            return out;
        }
        if (settings == null) {
            out.complete(WriteOutcome.failed("the connector is FAILED: " + health.snapshot().reason()));
            return out;
        }
        int split = key.indexOf(Keys.SEPARATOR);
        Actuator actuator = split <= 0 ? null : Actuator.byKey(key.substring(split + Keys.SEPARATOR.length()));
        if (actuator == null || (actuator.isBemcom() && !settings.bemcomActuators().contains(actuator))) {
            out.complete(WriteOutcome.rejected("'" + key + "' is not an actuator of " + name));
            return out;
        }
        String id = key.substring(0, split);
        Actuator.Command command;
        try {
            command = actuator.command(value);
        } catch (Actuator.ValueProblem e) {
            health.increment("rejectedWrites");
            out.complete(WriteOutcome.rejected(e.getMessage()));
            return out;
        }
        health.increment("writes");
        scheduler.execute(() -> execute(id, command, out));
        return out.whenComplete((o, e) -> {
            if (o != null && !o.isAccepted()) {
                health.increment(o.status() == WriteOutcome.Status.REJECTED ? "rejectedWrites" : "failedWrites");
                LOG.warn("OCPP connector '{}': {} = {} was not done: {}", name, key, value, o.reason());
            }
        });
    }

    private void execute(String id, Actuator.Command command, CompletableFuture<WriteOutcome> out) {
        ChargePoint cp = chargePoints.get(id);
        if (cp == null || !cp.online) {
            out.complete(WriteOutcome.failed("charge point " + id + " is not connected"));
            return;
        }
        if (command instanceof Actuator.Command.Call c) {
            send(cp, c.action(), c.payload(), out);
        } else {
            Actuator.Command.Limit limit = (Actuator.Command.Limit) command;
            if (cp.allowedUnits != null) {
                sendLimit(cp, limit, out);
                return;
            }
            ObjectNode ask = FrameCodec.object();
            ask.putArray("key").add(ChargingLimits.ALLOWED_UNIT_KEY);
            cp.call("GetConfiguration", ask).whenComplete((answer, failure) -> {
                if (failure != null && failure.getMessage() != null && failure.getMessage().startsWith("timeout")) {
                    out.complete(WriteOutcome.failed(failure.getMessage()));
                    return;
                }
                cp.allowedUnits = ChargingLimits.allowedUnits(answer instanceof Frame.CallResult r ? allowedUnitValue(r.payload()) : null);
                sendLimit(cp, limit, out);
            });
        }
    }

    private static String allowedUnitValue(ObjectNode conf) {
        for (JsonNode k : conf.path("configurationKey")) {
            if (ChargingLimits.ALLOWED_UNIT_KEY.equals(k.path("key").asText())) {
                return k.path("value").asText(null);
            }
        }
        return null;
    }

    private void sendLimit(ChargePoint cp, Actuator.Command.Limit limit, CompletableFuture<WriteOutcome> out) {
        send(cp, "SetChargingProfile", ChargingLimits.setChargingProfile(limit, cp.allowedUnits, settings.nominalVoltage(),
                settings.phases()), out);
    }

    private void send(ChargePoint cp, String action, ObjectNode payload, CompletableFuture<WriteOutcome> out) {
        Violation v = Messages.checkOwnCall(action, payload);
        if (v != null) {
            out.complete(WriteOutcome.rejected(action + " would break OCPP 1.6: " + v.describe()));
            return;
        }
        cp.call(action, payload).whenComplete((answer, failure) -> {
            if (failure != null) {
                out.complete(WriteOutcome.failed(String.valueOf(failure.getMessage())));
                return;
            }
            health.goodExchange();
            if (answer instanceof Frame.CallResult r) {
                publishAnswer(cp, action, payload, r.payload());
            }
            out.complete(Outcomes.of(cp.id, action, answer));
        });
    }

    /** GetConfiguration values and composite schedules become sensors; a changed unit setting is read again. */
    private void publishAnswer(ChargePoint cp, String action, ObjectNode request, ObjectNode conf) {
        Batch b = new Batch();
        switch (action) {
            case "GetConfiguration" -> {
                for (JsonNode k : conf.path("configurationKey")) {
                    String key = k.path("key").asText();
                    b.text(Keys.of(cp.id, "configuration", key), k.has("value") ? k.get("value").asText() : null,
                            "Configuration key " + key + (k.path("readonly").asBoolean() ? " (read-only)" : "") + ", from GetConfiguration");
                    if (ChargingLimits.ALLOWED_UNIT_KEY.equals(key)) {
                        cp.allowedUnits = ChargingLimits.allowedUnits(k.path("value").asText(null));
                    }
                }
            }
            case "GetCompositeSchedule" -> {
                if ("Accepted".equals(conf.path("status").asText())) {
                    int connector = request.get("connectorId").asInt();
                    b.any(Keys.of(cp.id, "composite_schedule", connector), FrameCodec.mapper().convertValue(conf, Map.class),
                            "The last GetCompositeSchedule answer for connector " + connector);
                }
            }
            case "ChangeConfiguration" -> {
                if (ChargingLimits.ALLOWED_UNIT_KEY.equals(request.path("key").asText())) {
                    cp.allowedUnits = null;
                }
            }
            default -> {
            }
        }
        publish(b);
    }

    // ---- the registry --------------------------------------------------------------------------

    private void registerActuators(ChargePoint cp) {
        if (cp.actuatorsRegistered) {
            return;
        }
        cp.actuatorsRegistered = true;
        List<DatapointMetadata> actuators = new ArrayList<>();
        for (Actuator a : Actuator.values()) {
            if (!a.isBemcom() || settings.bemcomActuators().contains(a)) {
                actuators.add(a.metadata(name, cp.id));
            }
        }
        register(actuators);
    }

    private void publish(Batch batch) {
        if (batch.entries().isEmpty()) {
            return;
        }
        long at = wallClock.getAsLong();
        List<Sample> samples = new ArrayList<>(batch.entries().size());
        List<DatapointMetadata> firstSeen = null;
        for (Batch.Entry e : batch.entries()) {
            DatapointId id = DatapointId.of(name, e.key());
            if (registered.add(e.key())) {
                if (firstSeen == null) {
                    firstSeen = new ArrayList<>();
                }
                firstSeen.add(DatapointMetadata.builder(id, DatapointType.SENSOR).dataFormat(e.format()).unit(e.unit())
                        .allowedValues(e.allowed()).description(e.description()).exampleValue(e.value()).build());
            }
            samples.add(new Sample(id, new Value(e.value(), at)));
        }
        if (firstSeen != null) {
            register(firstSeen);
        }
        int refused = registry.publishAll(samples);
        for (int i = 0; i < refused; i++) {
            health.increment("refusedValues");
        }
    }

    private void register(List<DatapointMetadata> datapoints) {
        List<DatapointId> activate = datapoints.stream().map(DatapointMetadata::id)
                .filter(id -> settings.activeOnFirstSight().contains(id.key()) && registry.get(id).isEmpty()).toList();
        registry.register(name, datapoints);
        if (!activate.isEmpty()) {
            registry.setActive(activate, true);
        }
    }

    /** A frame as read on Jetty's thread: decoded and checked, or why not. */
    private record Inbound(Frame frame, OcppViolation broken, Violation invalid) {
        static Inbound read(String text) {
            try {
                Frame f = FrameCodec.decode(text);
                Violation v = f instanceof Frame.Call c ? Messages.checkRequest(c.action(), c.payload()) : null;
                return new Inbound(f, null, v);
            } catch (OcppViolation e) {
                return new Inbound(null, e, null);
            }
        }
    }
}
