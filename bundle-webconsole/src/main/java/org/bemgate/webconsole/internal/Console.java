package org.bemgate.webconsole.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.history.HistoryService;
import org.bemgate.core.api.metrics.MetricsSource;
import org.bemgate.webconsole.internal.auth.Authenticator;
import org.bemgate.webconsole.internal.auth.LoginThrottle;
import org.bemgate.webconsole.internal.auth.SecurityGate;
import org.bemgate.webconsole.internal.auth.SessionStore;
import org.bemgate.webconsole.internal.events.ConsoleEvent;
import org.bemgate.webconsole.internal.events.EventHub;
import org.bemgate.webconsole.internal.events.EventJson;
import org.bemgate.webconsole.internal.events.HealthWatcher;
import org.bemgate.webconsole.internal.events.ProblemLog;
import org.bemgate.webconsole.internal.platform.BundleAdmin;
import org.bemgate.webconsole.internal.platform.ConnectorConfigs;
import org.bemgate.webconsole.internal.platform.FeatureAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the console's servlets share, free of OSGi: the registry, the optional services, the
 * security gate with its sessions, the live-event hub and the problem log. {@link ConsoleComponent}
 * creates it in the container; tests create it with fakes.
 */
public final class Console {

    private final Logger logger = LoggerFactory.getLogger(Console.class);
    private final DatapointRegistry registry;
    private final Settings settings;
    private final LongSupplier clock;
    private final SecurityGate gate;
    private final EventHub hub;
    private final ProblemLog problems = new ProblemLog(200);
    private final HealthWatcher healthWatcher;
    private ScheduledExecutorService scheduler;

    private volatile HistoryService history;
    private volatile BundleAdmin bundles;
    private volatile FeatureAdmin features;
    private volatile ConnectorConfigs configs;
    private final List<MetricsSource> metricsSources = new CopyOnWriteArrayList<>();

    /**
     * @param registry the datapoint registry
     * @param settings the settings
     * @param authenticator checks passwords
     * @param clock epoch milliseconds
     */
    public Console(DatapointRegistry registry, Settings settings, Authenticator authenticator, LongSupplier clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.gate = new SecurityGate(authenticator, settings,
                new LoginThrottle(settings.maxFailedLogins(), settings.loginDelay(), settings.maxLoginDelay(), clock),
                new SessionStore(settings.sessionTimeout(), settings.maxSessions(), clock));
        this.hub = new EventHub(settings.eventBufferSize(), settings.eventBatch(), Duration.ofSeconds(15),
                settings.maxEventClients());
        this.healthWatcher = new HealthWatcher(registry, hub, problems, clock);
    }

    /** Starts polling connector health. */
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bemgate-webconsole-health");
            t.setDaemon(true);
            return t;
        });
        long ms = settings.healthPoll().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                healthWatcher.poll();
            } catch (RuntimeException e) {
                logger.warn("Bug: polling connector health failed", e);
            }
        }, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops polling and ends every live stream. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        hub.close();
    }

    /**
     * Hands registry events to the live stream.
     *
     * @param events events from the registry's listener thread
     */
    public void onDatapointEvents(List<DatapointEvent> events) {
        if (hub.clients() == 0) {
            return;
        }
        List<ConsoleEvent> out = new ArrayList<>(events.size());
        for (DatapointEvent e : events) {
            out.add(EventJson.of(e));
        }
        hub.publishAll(out);
    }

    /** @return the registry */
    public DatapointRegistry registry() {
        return registry;
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /** @return epoch milliseconds */
    public long now() {
        return clock.getAsLong();
    }

    /** @return authentication and sessions */
    public SecurityGate gate() {
        return gate;
    }

    /** @return the live-event hub */
    public EventHub hub() {
        return hub;
    }

    /** @return recent problems */
    public ProblemLog problems() {
        return problems;
    }

    /** @return the health poller (tests call {@link HealthWatcher#poll()} directly) */
    public HealthWatcher healthWatcher() {
        return healthWatcher;
    }

    /** @return the history service, or null if none is running */
    public HistoryService history() {
        return history;
    }

    /** @param h the history service, or null */
    public void setHistory(HistoryService h) {
        this.history = h;
    }

    /** @return bundle management, or null */
    public BundleAdmin bundles() {
        return bundles;
    }

    /** @param b bundle management, or null */
    public void setBundles(BundleAdmin b) {
        this.bundles = b;
    }

    /** @return feature management, or null without Karaf's FeaturesService */
    public FeatureAdmin features() {
        return features;
    }

    /** @param f feature management, or null */
    public void setFeatures(FeatureAdmin f) {
        this.features = f;
    }

    /** @return the bundles' figures for /metrics */
    public List<MetricsSource> metricsSources() {
        return metricsSources;
    }

    /** @return connector configurations, or null without Config Admin */
    public ConnectorConfigs configs() {
        return configs;
    }

    /** @param c connector configurations, or null */
    public void setConfigs(ConnectorConfigs c) {
        this.configs = c;
    }
}
