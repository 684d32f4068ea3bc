package org.bemgate.ocpp.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;

/** What the bem:ocpp-* commands do, apart from Karaf, so tests can run it. */
public final class OcppShell {

    private OcppShell() {
    }

    /** Prints the charge points of one or every OCPP connector. */
    public static void list(DatapointRegistry registry, String only, long now, PrintStream out) {
        String row = "%-14s  %-20s  %-7s  %-22s  %-24s  %-9s  %s%n";
        out.printf(row, "Connector", "Charge point", "Online", "Address", "Vendor / model / fw", "Heartbeat", "Connectors / transactions");
        int n = 0;
        for (OcppConnector c : connectors(registry, only)) {
            for (ChargePointView cp : c.chargePoints()) {
                n++;
                StringBuilder detail = new StringBuilder();
                for (Map.Entry<Integer, String> s : new java.util.TreeMap<>(cp.connectorStatus()).entrySet()) {
                    detail.append(detail.length() == 0 ? "" : ", ").append(s.getKey()).append(' ').append(s.getValue());
                }
                for (ChargePoint.Transaction t : cp.transactions()) {
                    detail.append("; tx ").append(t.id()).append(" on ").append(t.connectorId()).append(" (").append(t.idTag()).append(')');
                }
                out.printf(row, c.name(), cp.id(), cp.online() ? "yes" : "no", cp.remote(),
                        cp.vendor().isEmpty() ? "-" : cp.vendor() + " " + cp.model() + " " + cp.firmware(),
                        cp.lastHeartbeat() == 0 ? "-" : age(now - cp.lastHeartbeat()), detail.length() == 0 ? "-" : detail);
            }
        }
        out.println(n + " charge points");
    }

    /** @return the answer line of a TriggerMessage */
    public static String trigger(DatapointRegistry registry, String chargePoint, String message) {
        String m = message.strip();
        boolean bemcom = m.matches("[0-5]");
        return write(registry, null, chargePoint, bemcom ? "execute_trigger_message__" : "trigger_message",
                bemcom ? (Object) Long.parseLong(m) : m);
    }

    /** @return the answer line of a limit, or of clearing it */
    public static String limit(DatapointRegistry registry, String connector, String chargePoint, String limit, String unit) {
        if (limit.equalsIgnoreCase("clear")) {
            return write(registry, connector, chargePoint, "clear_charging_profile", true);
        }
        double value;
        try {
            value = Double.parseDouble(limit);
        } catch (NumberFormatException e) {
            return "REJECTED: the limit must be a number or 'clear', not '" + limit + "'";
        }
        String u = unit == null ? "W" : unit.strip();
        if (!u.equalsIgnoreCase("W") && !u.equalsIgnoreCase("A")) {
            return "REJECTED: the unit must be W or A, not '" + unit + "'";
        }
        return write(registry, connector, chargePoint, u.equalsIgnoreCase("A") ? "charging_limit_a" : "charging_limit_w", value);
    }

    private static String write(DatapointRegistry registry, String connector, String chargePoint, String actuator, Object value) {
        List<OcppConnector> serving = new ArrayList<>();
        for (OcppConnector c : connectors(registry, connector)) {
            if (c.chargePoints().stream().anyMatch(v -> v.id().equals(chargePoint))) {
                serving.add(c);
            }
        }
        if (serving.isEmpty()) {
            return "FAILED: no OCPP connector" + (connector == null ? "" : " named " + connector) + " knows charge point " + chargePoint;
        }
        if (serving.size() > 1) {
            return "REJECTED: several OCPP connectors know charge point " + chargePoint + "; choose one with -c";
        }
        try {
            WriteOutcome o = registry.write(DatapointId.of(serving.get(0).name(), Keys.of(chargePoint, actuator)),
                    new Value(value, System.currentTimeMillis())).toCompletableFuture().get(120, TimeUnit.SECONDS);
            return o.status() + (o.reason().isEmpty() ? "" : ": " + o.reason());
        } catch (IllegalArgumentException e) {
            return "REJECTED: " + e.getMessage();
        } catch (ExecutionException | TimeoutException e) {
            return "FAILED: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAILED: interrupted";
        }
    }

    private static List<OcppConnector> connectors(DatapointRegistry registry, String only) {
        List<OcppConnector> out = new ArrayList<>();
        for (Connector c : registry.connectors()) {
            if (c instanceof OcppConnector o && (only == null || o.name().equals(only))) {
                out.add(o);
            }
        }
        return out;
    }

    private static String age(long millis) {
        long s = Math.max(0, millis / 1000);
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }
}
