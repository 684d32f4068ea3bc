package org.bemgate.webconsole.internal.events;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;

/**
 * Polls the connectors' health (the core API has no health events) and reports changes of status or
 * reason to the live stream and the problem log.
 */
public final class HealthWatcher {

    private final DatapointRegistry registry;
    private final EventHub hub;
    private final ProblemLog problems;
    private final LongSupplier clock;
    private final Map<String, String> last = new HashMap<>();

    /**
     * @param registry the source of connectors
     * @param hub the live stream
     * @param problems the problem log
     * @param clock epoch ms
     */
    public HealthWatcher(DatapointRegistry registry, EventHub hub, ProblemLog problems, LongSupplier clock) {
        this.registry = registry;
        this.hub = hub;
        this.problems = problems;
        this.clock = clock;
    }

    /** Compares every connector's health with the last poll. */
    public synchronized void poll() {
        Set<String> seen = new HashSet<>();
        for (Connector c : registry.connectors()) {
            String name = c.name();
            seen.add(name);
            ConnectorHealth h;
            try {
                h = c.health();
            } catch (RuntimeException e) {
                h = new ConnectorHealth(ConnectorStatus.FAILED, "health() threw " + e, clock.getAsLong(), 0, Map.of());
            }
            String key = h.status() + "|" + h.reason();
            String before = last.put(name, key);
            if (!key.equals(before)) {
                hub.publish(EventJson.health(name, c.protocol(), h));
                record(name, before == null ? null : before.substring(0, before.indexOf('|')), h);
            }
        }
        last.keySet().removeIf(name -> {
            if (seen.contains(name)) {
                return false;
            }
            hub.publish(EventJson.health(name, null, null));
            problems.add(new ProblemLog.Problem(clock.getAsLong(), name, "warning", "connector stopped"));
            return true;
        });
    }

    private void record(String name, String previousStatus, ConnectorHealth h) {
        ConnectorStatus s = h.status();
        String reason = h.reason().isEmpty() ? "" : ": " + h.reason();
        if (s == ConnectorStatus.FAILED || s == ConnectorStatus.OFFLINE) {
            problems.add(new ProblemLog.Problem(clock.getAsLong(), name, "error", s + reason));
        } else if (s == ConnectorStatus.DEGRADED) {
            problems.add(new ProblemLog.Problem(clock.getAsLong(), name, "warning", s + reason));
        } else if (s == ConnectorStatus.ONLINE && previousStatus != null && !"ONLINE".equals(previousStatus)
                && !"STARTING".equals(previousStatus)) {
            problems.add(new ProblemLog.Problem(clock.getAsLong(), name, "info", "back ONLINE after " + previousStatus));
        }
    }
}
