package org.bemgate.webconsole.internal.events;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.webconsole.internal.api.DatapointJson;
import org.bemgate.webconsole.internal.api.MessageJson;
import org.bemgate.webconsole.internal.platform.BundleInfo;

/** Turns registry, health and bundle changes into {@link ConsoleEvent}s. */
public final class EventJson {

    private EventJson() {
    }

    /**
     * @param e a registry event
     * @return the stream event
     */
    public static ConsoleEvent of(DatapointEvent e) {
        String type = e.kind().name().toLowerCase(Locale.ROOT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("id", e.id().toString());
        m.put("active", e.active());
        switch (e.kind()) {
            case VALUE:
                m.put("value", e.value().value());
                m.put("timestamp", e.value().timestamp());
                break;
            case SETPOINT:
                m.put("setpoint", MessageJson.setpoint(e.setpoint()));
                break;
            case SCHEDULE:
                m.put("schedule", MessageJson.schedule(e.schedule()));
                break;
            case METADATA:
                DatapointJson.putMetadata(m, e.metadata());
                break;
            default:
                break;
        }
        return new ConsoleEvent(type, e.id().toString(), m);
    }

    /**
     * @param connector the connector name
     * @param protocol its protocol
     * @param h its health, or null when the connector went away
     * @return the stream event
     */
    public static ConsoleEvent health(String connector, String protocol, ConnectorHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "health");
        m.put("connector", connector);
        m.put("protocol", protocol);
        m.put("status", h == null ? "REMOVED" : h.status().name());
        m.put("reason", h == null ? "the connector is no longer running" : h.reason());
        m.put("since", h == null ? null : h.since());
        m.put("lastGoodExchange", h == null ? null : h.lastGoodExchange());
        return new ConsoleEvent("health", null, m);
    }

    /**
     * @param b the bundle after the change
     * @param change what happened: INSTALLED, STARTED, STOPPED, UPDATED, UNINSTALLED …
     * @return the stream event
     */
    public static ConsoleEvent bundle(BundleInfo b, String change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "bundle");
        m.put("change", change);
        m.put("bundleId", b.id());
        m.put("symbolicName", b.symbolicName());
        m.put("version", b.version());
        m.put("state", b.state());
        return new ConsoleEvent("bundle", null, m);
    }
}
