package org.bemgate.webconsole.internal.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.metrics.Metric;
import org.bemgate.core.api.metrics.MetricsSource;
import org.bemgate.webconsole.internal.Console;

/**
 * Prometheus text exposition (version 0.0.4) of the connectors' health and counters, the registry's
 * size, the console's own counters and the JVM's memory and threads.
 */
public final class MetricsWriter {

    private final Console console;

    /** @param console the shared console state */
    public MetricsWriter(Console console) {
        this.console = console;
    }

    /** @return the metrics text */
    public String write() {
        StringBuilder b = new StringBuilder(4096);
        connectors(b);
        registry(b);
        sources(b);
        consoleCounters(b);
        jvm(b);
        return b.toString();
    }

    private void connectors(StringBuilder b) {
        StringBuilder status = new StringBuilder();
        StringBuilder lastGood = new StringBuilder();
        StringBuilder since = new StringBuilder();
        Map<String, StringBuilder> counters = new TreeMap<>();
        for (Connector c : console.registry().connectors()) {
            ConnectorHealth h = c.health();
            String labels = "connector=\"" + esc(c.name()) + "\",protocol=\"" + esc(c.protocol()) + "\"";
            for (ConnectorStatus s : ConnectorStatus.values()) {
                status.append("bemgate_connector_status{").append(labels).append(",status=\"").append(s.name())
                        .append("\"} ").append(h.status() == s ? 1 : 0).append('\n');
            }
            lastGood.append("bemgate_connector_last_good_exchange_seconds{").append(labels).append("} ")
                    .append(h.lastGoodExchange() / 1000.0).append('\n');
            since.append("bemgate_connector_status_since_seconds{").append(labels).append("} ")
                    .append(h.since() / 1000.0).append('\n');
            h.counters().forEach((name, value) -> counters.computeIfAbsent(sanitize(name), k -> new StringBuilder())
                    .append("bemgate_connector_").append(sanitize(name)).append("_total{").append(labels).append("} ")
                    .append(value).append('\n'));
        }
        metric(b, "bemgate_connector_status", "gauge", "1 for the connector's current status, else 0", status);
        metric(b, "bemgate_connector_last_good_exchange_seconds", "gauge",
                "epoch seconds of the last successful exchange with the device, 0 if none", lastGood);
        metric(b, "bemgate_connector_status_since_seconds", "gauge", "epoch seconds of the last status change", since);
        counters.forEach((name, lines) -> metric(b, "bemgate_connector_" + name + "_total", "counter",
                "the connector's counter '" + name + "'", lines));
    }

    private void registry(StringBuilder b) {
        int total = 0;
        int active = 0;
        int withValue = 0;
        Map<String, int[]> byConnector = new TreeMap<>();
        for (Datapoint d : console.registry().find(DatapointFilter.ALL)) {
            total++;
            active += d.active() ? 1 : 0;
            withValue += d.value() != null ? 1 : 0;
            int[] n = byConnector.computeIfAbsent(d.id().connector(), k -> new int[2]);
            n[0]++;
            n[1] += d.active() ? 1 : 0;
        }
        metric(b, "bemgate_datapoints", "gauge", "datapoints in the registry",
                new StringBuilder("bemgate_datapoints ").append(total).append('\n'));
        metric(b, "bemgate_datapoints_active", "gauge", "active datapoints (historised and bridged)",
                new StringBuilder("bemgate_datapoints_active ").append(active).append('\n'));
        metric(b, "bemgate_datapoints_with_value", "gauge", "datapoints that have a latest value",
                new StringBuilder("bemgate_datapoints_with_value ").append(withValue).append('\n'));
        StringBuilder per = new StringBuilder();
        byConnector.forEach((c, n) -> per.append("bemgate_connector_datapoints{connector=\"").append(esc(c))
                .append("\",active=\"true\"} ").append(n[1]).append('\n')
                .append("bemgate_connector_datapoints{connector=\"").append(esc(c)).append("\",active=\"false\"} ")
                .append(n[0] - n[1]).append('\n'));
        metric(b, "bemgate_connector_datapoints", "gauge", "datapoints per connector and activation", per);
    }

    private void consoleCounters(StringBuilder b) {
        metric(b, "bemgate_webconsole_event_clients", "gauge", "connected live-stream clients",
                new StringBuilder("bemgate_webconsole_event_clients ").append(console.hub().clients()).append('\n'));
        metric(b, "bemgate_webconsole_events_dropped_total", "counter", "events dropped for slow live-stream clients",
                new StringBuilder("bemgate_webconsole_events_dropped_total ").append(console.hub().dropped()).append('\n'));
        metric(b, "bemgate_webconsole_login_failures_total", "counter", "failed logins",
                new StringBuilder("bemgate_webconsole_login_failures_total ")
                        .append(console.gate().throttle().totalFailures()).append('\n'));
        metric(b, "bemgate_webconsole_logins_refused_total", "counter", "logins refused because of repeated failures",
                new StringBuilder("bemgate_webconsole_logins_refused_total ")
                        .append(console.gate().throttle().totalRefused()).append('\n'));
        metric(b, "bemgate_webconsole_sessions", "gauge", "login sessions held",
                new StringBuilder("bemgate_webconsole_sessions ").append(console.gate().sessions().size()).append('\n'));
    }

    /** The figures bundles offer as MetricsSource services; a name given twice is exported once. */
    private void sources(StringBuilder b) {
        Set<String> seen = new HashSet<>();
        for (MetricsSource source : console.metricsSources()) {
            List<Metric> metrics;
            try {
                metrics = source.metrics();
            } catch (RuntimeException e) {
                continue; // one broken source must not cost the others their scrape
            }
            for (Metric m : metrics) {
                if (seen.add(m.name())) {
                    metric(b, m.name(), m.type(), m.help(), new StringBuilder(m.name()).append(' ').append(format(m.value())).append('\n'));
                }
            }
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void jvm(StringBuilder b) {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        StringBuilder used = new StringBuilder();
        StringBuilder committed = new StringBuilder();
        StringBuilder max = new StringBuilder();
        for (Map.Entry<String, MemoryUsage> e : Map.of("heap", mem.getHeapMemoryUsage(), "nonheap",
                mem.getNonHeapMemoryUsage()).entrySet()) {
            used.append("jvm_memory_bytes_used{area=\"").append(e.getKey()).append("\"} ").append(e.getValue().getUsed()).append('\n');
            committed.append("jvm_memory_bytes_committed{area=\"").append(e.getKey()).append("\"} ")
                    .append(e.getValue().getCommitted()).append('\n');
            max.append("jvm_memory_bytes_max{area=\"").append(e.getKey()).append("\"} ").append(e.getValue().getMax()).append('\n');
        }
        metric(b, "jvm_memory_bytes_used", "gauge", "used bytes of a JVM memory area", used);
        metric(b, "jvm_memory_bytes_committed", "gauge", "committed bytes of a JVM memory area", committed);
        metric(b, "jvm_memory_bytes_max", "gauge", "largest size of a JVM memory area, -1 if unbounded", max);
        var threads = ManagementFactory.getThreadMXBean();
        metric(b, "jvm_threads_current", "gauge", "live threads",
                new StringBuilder("jvm_threads_current ").append(threads.getThreadCount()).append('\n'));
        metric(b, "jvm_threads_daemon", "gauge", "live daemon threads",
                new StringBuilder("jvm_threads_daemon ").append(threads.getDaemonThreadCount()).append('\n'));
        metric(b, "process_uptime_seconds", "gauge", "seconds since the JVM started",
                new StringBuilder("process_uptime_seconds ").append(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
                        .append('\n'));
    }

    private static void metric(StringBuilder b, String name, String type, String help, CharSequence lines) {
        if (lines.length() == 0) {
            return;
        }
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        b.append(lines);
    }

    private static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
        return s.endsWith("_total") ? s.substring(0, s.length() - 6) : s;
    }

    private static String esc(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
