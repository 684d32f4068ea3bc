package org.bemgate.simulators.ocpp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a simulated OCPP 1.6 charger is and how it answers the central system, without any I/O: its
 * configuration keys (with {@code ChargingScheduleAllowedChargingRateUnit}), connectors, meter,
 * transactions and charging profile. Answers as a real charger would: it rejects a limit in a unit
 * it does not take, unknown configuration keys are NotSupported, and triggered messages follow.
 * Thread-safe.
 */
public final class Charger {

    /** A call the charger makes after answering, such as the message a TriggerMessage asked for. */
    public record Call(String action, Map<String, Object> payload) {
    }

    /** The confirmation, or null for a CALLERROR NotImplemented; and the calls that follow it. */
    public record Answer(Map<String, Object> payload, List<Call> followUps) {
    }

    private final String vendor;
    private final String model;
    private final int connectors;
    private final Map<String, String> configuration = new LinkedHashMap<>();
    private final java.util.Set<String> readOnly = new java.util.HashSet<>();
    private final Map<Integer, Integer> transactions = new TreeMap<>();
    private final Map<Integer, Double> meterWh = new TreeMap<>();
    private Map<String, Object> profile;
    private String firmware = "1.0.0";

    /**
     * @param vendor chargePointVendor (at most 20 characters)
     * @param model chargePointModel (at most 20 characters)
     * @param connectors how many connectors
     * @param allowedUnits {@code Current}, {@code Power} or {@code Current,Power}
     */
    public Charger(String vendor, String model, int connectors, String allowedUnits) {
        this.vendor = vendor;
        this.model = model;
        this.connectors = connectors;
        key("ChargingScheduleAllowedChargingRateUnit", allowedUnits, true);
        key("NumberOfConnectors", Integer.toString(connectors), true);
        key("ChargeProfileMaxStackLevel", "8", true);
        key("HeartbeatInterval", "60", false);
        key("MeterValueSampleInterval", "10", false);
        key("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import", false);
        for (int c = 1; c <= connectors; c++) {
            meterWh.put(c, 1000.0 * c);
        }
    }

    /** A simulated wallbox: one connector that takes limits in A and W. */
    public static Charger wallbox() {
        return new Charger("bemgate-sim", "Wallbox-22", 1, "Current,Power");
    }

    private void key(String k, String v, boolean ro) {
        configuration.put(k, v);
        if (ro) {
            readOnly.add(k);
        }
    }

    /** @return the value of a configuration key, or null */
    public synchronized String configuration(String key) {
        return configuration.get(key);
    }

    /** @return the installed TxDefaultProfile's csChargingProfiles, or null */
    public synchronized Map<String, Object> profile() {
        return profile;
    }

    /** @return the limit of the installed profile and its unit, such as {@code 16.0 A}, or null */
    public synchronized String limit() {
        if (profile == null) {
            return null;
        }
        Map<?, ?> schedule = (Map<?, ?>) profile.get("chargingSchedule");
        Map<?, ?> period = (Map<?, ?>) ((List<?>) schedule.get("chargingSchedulePeriod")).get(0);
        return ((Number) period.get("limit")).doubleValue() + " " + schedule.get("chargingRateUnit");
    }

    /** @return the transaction on a connector, or null */
    public synchronized Integer transaction(int connector) {
        return transactions.get(connector);
    }

    /** Records the transaction id the central system gave. */
    public synchronized void started(int connector, int transactionId) {
        transactions.put(connector, transactionId);
    }

    /** Records the end of a transaction. */
    public synchronized void stopped(int transactionId) {
        transactions.values().remove(transactionId);
    }

    /** Adds energy to a connector's meter, as charging does. */
    public synchronized void charge(int connector, double wh) {
        meterWh.merge(connector, wh, Double::sum);
    }

    /** @return the meter of a connector in Wh */
    public synchronized long meter(int connector) {
        return Math.round(meterWh.getOrDefault(connector, 0.0));
    }

    // ---- the requests it sends -----------------------------------------------------------------

    /** @return a BootNotification payload */
    public Map<String, Object> bootNotification() {
        return map("chargePointVendor", vendor, "chargePointModel", model, "chargePointSerialNumber", "SIM-0001",
                "firmwareVersion", firmware);
    }

    /** @return a StatusNotification payload */
    public static Map<String, Object> statusNotification(int connector, String status, String errorCode) {
        return map("connectorId", connector, "errorCode", errorCode, "status", status, "timestamp", Instant.now().toString());
    }

    /** @return a MeterValues payload: energy, power, and current and voltage per phase */
    public synchronized Map<String, Object> meterValues(int connector) {
        List<Object> sampled = new ArrayList<>();
        sampled.add(map("value", Long.toString(meter(connector)), "context", "Sample.Periodic", "measurand",
                "Energy.Active.Import.Register", "unit", "Wh"));
        sampled.add(map("value", "11040.0", "measurand", "Power.Active.Import", "unit", "W"));
        for (String phase : List.of("L1", "L2", "L3")) {
            sampled.add(map("value", "16.0", "measurand", "Current.Import", "phase", phase, "unit", "A"));
            sampled.add(map("value", "230.1", "measurand", "Voltage", "phase", phase + "-N", "unit", "V"));
        }
        Map<String, Object> p = map("connectorId", connector, "meterValue",
                List.of(map("timestamp", Instant.now().toString(), "sampledValue", sampled)));
        Integer tx = transactions.get(connector);
        if (tx != null) {
            p.put("transactionId", tx);
        }
        return p;
    }

    // ---- how it answers ------------------------------------------------------------------------

    /**
     * @param action the central system's call
     * @param req its payload
     * @return the answer and the calls that follow it
     */
    public synchronized Answer answer(String action, Map<String, Object> req) {
        List<Call> then = new ArrayList<>();
        Map<String, Object> conf = switch (action) {
            case "SetChargingProfile" -> setChargingProfile(req);
            case "ClearChargingProfile" -> {
                boolean had = profile != null;
                profile = null;
                yield status(had ? "Accepted" : "Unknown");
            }
            case "GetCompositeSchedule" -> compositeSchedule(req);
            case "TriggerMessage" -> trigger(req, then);
            case "RemoteStartTransaction" -> {
                int c = req.get("connectorId") == null ? 1 : ((Number) req.get("connectorId")).intValue();
                if (c > connectors || transactions.containsKey(c)) {
                    yield status("Rejected");
                }
                then.add(new Call("StartTransaction", map("connectorId", c, "idTag", req.get("idTag"), "meterStart", meter(c),
                        "timestamp", Instant.now().toString())));
                then.add(new Call("StatusNotification", statusNotification(c, "Charging", "NoError")));
                yield status("Accepted");
            }
            case "RemoteStopTransaction" -> {
                int tx = ((Number) req.get("transactionId")).intValue();
                Integer connector = transactions.entrySet().stream().filter(e -> e.getValue() == tx).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
                if (connector == null) {
                    yield status("Rejected");
                }
                then.add(new Call("StopTransaction", map("transactionId", tx, "meterStop", meter(connector), "timestamp",
                        Instant.now().toString(), "reason", "Remote")));
                then.add(new Call("StatusNotification", statusNotification(connector, "Finishing", "NoError")));
                yield status("Accepted");
            }
            case "ChangeAvailability" -> {
                int c = ((Number) req.get("connectorId")).intValue();
                if (c > connectors) {
                    yield status("Rejected");
                }
                boolean busy = c == 0 ? !transactions.isEmpty() : transactions.containsKey(c);
                if (!busy) {
                    then.add(new Call("StatusNotification", statusNotification(c, "Operative".equals(req.get("type")) ? "Available"
                            : "Unavailable", "NoError")));
                }
                yield status(busy ? "Scheduled" : "Accepted");
            }
            case "Reset" -> {
                then.add(new Call("BootNotification", bootNotification()));
                yield status("Accepted");
            }
            case "UnlockConnector" -> status(((Number) req.get("connectorId")).intValue() <= connectors ? "Unlocked" : "NotSupported");
            case "ChangeConfiguration" -> {
                String k = (String) req.get("key");
                if (!configuration.containsKey(k)) {
                    yield status("NotSupported");
                }
                if (readOnly.contains(k)) {
                    yield status("Rejected");
                }
                configuration.put(k, (String) req.get("value"));
                yield status("Accepted");
            }
            case "GetConfiguration" -> getConfiguration(req);
            case "DataTransfer" -> status("UnknownVendorId");
            default -> null;
        };
        return new Answer(conf, then);
    }

    private Map<String, Object> setChargingProfile(Map<String, Object> req) {
        Map<?, ?> p = (Map<?, ?>) req.get("csChargingProfiles");
        Map<?, ?> schedule = (Map<?, ?>) p.get("chargingSchedule");
        String unit = (String) schedule.get("chargingRateUnit");
        if (!allows(unit)) {
            return status("Rejected");
        }
        if (!"TxDefaultProfile".equals(p.get("chargingProfilePurpose")) && !"ChargePointMaxProfile".equals(p.get("chargingProfilePurpose"))
                && transactions.isEmpty()) {
            return status("Rejected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) MiniJson.parse(MiniJson.write(p));
        profile = copy;
        return status("Accepted");
    }

    private boolean allows(String unit) {
        String allowed = configuration.get("ChargingScheduleAllowedChargingRateUnit");
        return allowed.contains(unit.equals("A") ? "Current" : "Power");
    }

    private Map<String, Object> compositeSchedule(Map<String, Object> req) {
        String unit = (String) req.get("chargingRateUnit");
        if (unit != null && !allows(unit)) {
            return status("Rejected");
        }
        Map<String, Object> schedule;
        if (profile != null) {
            schedule = new LinkedHashMap<>(castMap(profile.get("chargingSchedule")));
        } else {
            String u = unit != null ? unit : allows("W") ? "W" : "A";
            schedule = map("chargingRateUnit", u, "chargingSchedulePeriod",
                    List.of(map("startPeriod", 0, "limit", u.equals("W") ? 22080.0 : 32.0)));
        }
        schedule.put("duration", req.get("duration"));
        return map("status", "Accepted", "connectorId", req.get("connectorId"), "scheduleStart", Instant.now().toString(),
                "chargingSchedule", schedule);
    }

    private Map<String, Object> trigger(Map<String, Object> req, List<Call> then) {
        String message = (String) req.get("requestedMessage");
        Integer c = req.get("connectorId") == null ? null : ((Number) req.get("connectorId")).intValue();
        if (c != null && c > connectors) {
            return status("Rejected");
        }
        switch (message) {
            case "BootNotification" -> then.add(new Call(message, bootNotification()));
            case "Heartbeat" -> then.add(new Call(message, map()));
            case "DiagnosticsStatusNotification", "FirmwareStatusNotification" -> then.add(new Call(message, map("status", "Idle")));
            case "StatusNotification" -> {
                for (int k = c == null ? 0 : c; k <= (c == null ? connectors : c); k++) {
                    then.add(new Call(message, statusNotification(k, transactions.containsKey(k) ? "Charging" : "Available", "NoError")));
                }
            }
            case "MeterValues" -> {
                for (int k = c == null ? 1 : c; k <= (c == null ? connectors : c); k++) {
                    then.add(new Call(message, meterValues(k)));
                }
            }
            default -> {
                return status("NotImplemented");
            }
        }
        return status("Accepted");
    }

    private Map<String, Object> getConfiguration(Map<String, Object> req) {
        List<Object> known = new ArrayList<>();
        List<Object> unknown = new ArrayList<>();
        List<?> keys = req.get("key") == null ? List.copyOf(configuration.keySet()) : (List<?>) req.get("key");
        if (keys.isEmpty()) {
            keys = List.copyOf(configuration.keySet());
        }
        for (Object k : keys) {
            String v = configuration.get((String) k);
            if (v == null) {
                unknown.add(k);
            } else {
                known.add(map("key", k, "readonly", readOnly.contains((String) k), "value", v));
            }
        }
        Map<String, Object> conf = map("configurationKey", known);
        if (!unknown.isEmpty()) {
            conf.put("unknownKey", unknown);
        }
        return conf;
    }

    private static Map<String, Object> status(String s) {
        return map("status", s);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** @return a modifiable map of name/value pairs, in order */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }
}
