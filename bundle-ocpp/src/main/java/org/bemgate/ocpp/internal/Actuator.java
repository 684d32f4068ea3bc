package org.bemgate.ocpp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.ocpp.internal.codec.FrameCodec;
import org.bemgate.ocpp.internal.codec.Messages;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The actuators of every charge point, keyed {@code <charge point id>__<key>}: BEMCom's
 * {@code OCPP_CONFIG} methods (keys with a trailing {@code __}) and bemgate's own. Each turns a
 * written value into the call it makes; limits become a {@link Command.Limit}, whose unit the
 * connector settles with the charge point first.
 */
enum Actuator {

    SEND_CHARGING_PROFILE("execute_send_charging_profile__", "execute_send_charging_profile", DataFormat.CONTINUOUS_NUMERIC, "W",
            "BEMCom: a constant TxDefaultProfile limit in W for all connectors", 11000.0),
    TRIGGER_MESSAGE_BEMCOM("execute_trigger_message__", "execute_trigger_message", DataFormat.DISCRETE_NUMERIC, "",
            "BEMCom: TriggerMessage 0 BootNotification, 1 DiagnosticsStatusNotification, 2 FirmwareStatusNotification, "
                    + "3 Heartbeat, 4 MeterValues, 5 StatusNotification (connector 1)", 4L),
    UNLOCK_CONNECTOR_BEMCOM("execute_unlock_connector__", "execute_unlock_connector", DataFormat.UNKNOWN, "",
            "BEMCom: UnlockConnector 1; any value", true),
    GET_COMPOSITE_SCHEDULE_BEMCOM("execute_get_composite_schedule__", "execute_get_composite_schedule", DataFormat.UNKNOWN, "",
            "BEMCom: GetCompositeSchedule of connector 1 for 5 s in W; any value", true),
    CHARGING_LIMIT_W("charging_limit_w", null, DataFormat.CONTINUOUS_NUMERIC, "W",
            "TxDefaultProfile limit for all connectors in W; sent in A when the charge point only takes Current", 11000.0),
    CHARGING_LIMIT_A("charging_limit_a", null, DataFormat.CONTINUOUS_NUMERIC, "A",
            "TxDefaultProfile limit for all connectors in A; sent in W when the charge point only takes Power", 16.0),
    CLEAR_CHARGING_PROFILE("clear_charging_profile", null, DataFormat.BOOL, "",
            "true clears every TxDefaultProfile (ClearChargingProfile)", true),
    TRIGGER_MESSAGE("trigger_message", null, DataFormat.DISCRETE_TEXT, "",
            "TriggerMessage by name, for all connectors", "MeterValues"),
    REMOTE_START("remote_start", null, DataFormat.UNKNOWN, "",
            "RemoteStartTransaction: an id tag, or {\"idTag\": ..., \"connectorId\": n}", "TAG-1"),
    REMOTE_STOP("remote_stop", null, DataFormat.GENERIC_NUMERIC, "", "RemoteStopTransaction of this transaction id", 1L),
    CHANGE_AVAILABILITY("change_availability", null, DataFormat.DISCRETE_TEXT, "",
            "ChangeAvailability of the whole charge point (connector 0)", "Operative"),
    RESET("reset", null, DataFormat.DISCRETE_TEXT, "", "Reset Soft or Hard", "Soft"),
    UNLOCK_CONNECTOR("unlock_connector", null, DataFormat.GENERIC_NUMERIC, "", "UnlockConnector of this connector id", 1L),
    CHANGE_CONFIGURATION("change_configuration", null, DataFormat.GENERIC_TEXT, "",
            "ChangeConfiguration: <key>=<value>", "HeartbeatInterval=60"),
    GET_CONFIGURATION("get_configuration", null, DataFormat.GENERIC_TEXT, "",
            "GetConfiguration of these comma-separated keys (empty: all); values land in configuration__<key>", ""),
    GET_COMPOSITE_SCHEDULE("get_composite_schedule", null, DataFormat.CONTINUOUS_NUMERIC, "s",
            "GetCompositeSchedule of the whole charge point for this many seconds; lands in composite_schedule__0", 86400L);

    /** The profile id of every limit this connector sends, so a new limit replaces the last one. */
    static final int PROFILE_ID = 1;

    private static final List<String> BEMCOM_TRIGGERS = Messages.TRIGGERABLE;

    private final String key;
    private final String bemcomMethod;
    private final DataFormat format;
    private final String unit;
    private final String description;
    private final Object example;

    Actuator(String key, String bemcomMethod, DataFormat format, String unit, String description, Object example) {
        this.key = key;
        this.bemcomMethod = bemcomMethod;
        this.format = format;
        this.unit = unit;
        this.description = description;
        this.example = example;
    }

    /** What a write turns into. */
    sealed interface Command {
        /** One call. */
        record Call(String action, ObjectNode payload) implements Command {
        }

        /** A TxDefaultProfile limit in {@code unit} (A or W), to be sent in a unit the charge point takes. */
        record Limit(double value, String unit) implements Command {
        }
    }

    /** A written value that makes no call; the message says what would. */
    static final class ValueProblem extends Exception {
        private static final long serialVersionUID = 1L;

        ValueProblem(String message) {
            super(message);
        }
    }

    /** @return the key after {@code <charge point id>__} */
    String key() {
        return key;
    }

    boolean isBemcom() {
        return bemcomMethod != null;
    }

    static Actuator byKey(String key) {
        for (Actuator a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        return null;
    }

    static Actuator byBemcomMethod(String method) {
        for (Actuator a : values()) {
            if (method.equals(a.bemcomMethod)) {
                return a;
            }
        }
        return null;
    }

    static List<String> bemcomMethods() {
        List<String> m = new ArrayList<>();
        for (Actuator a : values()) {
            if (a.bemcomMethod != null) {
                m.add(a.bemcomMethod);
            }
        }
        return m;
    }

    DatapointMetadata metadata(String connector, String chargePointId) {
        DatapointMetadata.Builder b = DatapointMetadata.builder(DatapointId.of(connector, chargePointId + Keys.SEPARATOR + key),
                DatapointType.ACTUATOR).dataFormat(format).unit(unit).description(description).exampleValue(example);
        switch (this) {
            case SEND_CHARGING_PROFILE, CHARGING_LIMIT_W, CHARGING_LIMIT_A -> b.minValue(0.0);
            case GET_COMPOSITE_SCHEDULE -> b.minValue(1.0);
            case TRIGGER_MESSAGE_BEMCOM -> b.allowedValues(List.of(0L, 1L, 2L, 3L, 4L, 5L));
            case TRIGGER_MESSAGE -> b.allowedValues(Messages.TRIGGERABLE);
            case CHANGE_AVAILABILITY -> b.allowedValues(List.of("Operative", "Inoperative"));
            case RESET -> b.allowedValues(List.of("Soft", "Hard"));
            default -> {
            }
        }
        return b.build();
    }

    /**
     * @param value the written value as the registry passes it
     * @return the call, or the limit to settle
     * @throws ValueProblem if the value cannot be sent
     */
    Command command(Object value) throws ValueProblem {
        ObjectNode p = FrameCodec.object();
        switch (this) {
            case SEND_CHARGING_PROFILE, CHARGING_LIMIT_W:
                return new Command.Limit(nonNegative(value), "W");
            case CHARGING_LIMIT_A:
                return new Command.Limit(nonNegative(value), "A");
            case TRIGGER_MESSAGE_BEMCOM: {
                long i = whole(value);
                if (i < 0 || i >= BEMCOM_TRIGGERS.size()) {
                    throw new ValueProblem("execute_trigger_message takes 0 to 5, not " + value);
                }
                return trigger(BEMCOM_TRIGGERS.get((int) i), 1);
            }
            case TRIGGER_MESSAGE:
                if (!(value instanceof String s) || !Messages.TRIGGERABLE.contains(s)) {
                    throw new ValueProblem("trigger_message takes one of " + Messages.TRIGGERABLE + ", not " + value);
                }
                return trigger(s, 0);
            case UNLOCK_CONNECTOR_BEMCOM:
                return new Command.Call("UnlockConnector", p.put("connectorId", 1));
            case GET_COMPOSITE_SCHEDULE_BEMCOM:
                return new Command.Call("GetCompositeSchedule", p.put("connectorId", 1).put("duration", 5).put("chargingRateUnit", "W"));
            case CLEAR_CHARGING_PROFILE:
                if (!Boolean.TRUE.equals(value)) {
                    throw new ValueProblem("write true to clear the charging profiles");
                }
                return new Command.Call("ClearChargingProfile", p.put("chargingProfilePurpose", "TxDefaultProfile"));
            case REMOTE_START:
                return remoteStart(value, p);
            case REMOTE_STOP:
                return new Command.Call("RemoteStopTransaction", p.put("transactionId", whole(value)));
            case CHANGE_AVAILABILITY:
                return new Command.Call("ChangeAvailability", p.put("connectorId", 0).put("type", text(value)));
            case RESET:
                return new Command.Call("Reset", p.put("type", text(value)));
            case UNLOCK_CONNECTOR:
                return new Command.Call("UnlockConnector", p.put("connectorId", whole(value)));
            case CHANGE_CONFIGURATION: {
                String s = text(value);
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new ValueProblem("change_configuration takes <key>=<value>, not '" + s + "'");
                }
                return new Command.Call("ChangeConfiguration", p.put("key", s.substring(0, eq).strip()).put("value", s.substring(eq + 1)));
            }
            case GET_CONFIGURATION: {
                String s = value == null ? "" : text(value);
                if (!s.isBlank()) {
                    var keys = p.putArray("key");
                    for (String k : s.split(",")) {
                        if (!k.isBlank()) {
                            keys.add(k.strip());
                        }
                    }
                }
                return new Command.Call("GetConfiguration", p);
            }
            case GET_COMPOSITE_SCHEDULE:
                return new Command.Call("GetCompositeSchedule", p.put("connectorId", 0).put("duration", whole(value)));
            default:
                throw new ValueProblem(key + " cannot be written");
        }
    }

    private static Command trigger(String message, int connectorId) {
        ObjectNode p = FrameCodec.object().put("requestedMessage", message);
        // Only connector-related messages take a connector; BEMCom sent 1, which some chargers refuse for the others.
        if (connectorId > 0 && (message.equals("MeterValues") || message.equals("StatusNotification"))) {
            p.put("connectorId", connectorId);
        }
        return new Command.Call("TriggerMessage", p);
    }

    private static Command remoteStart(Object value, ObjectNode p) throws ValueProblem {
        if (value instanceof Map<?, ?> m) {
            Object tag = m.get("idTag");
            if (!(tag instanceof String)) {
                throw new ValueProblem("remote_start needs an idTag string");
            }
            p.put("idTag", (String) tag);
            if (m.get("connectorId") != null) {
                p.put("connectorId", whole(m.get("connectorId")));
            }
        } else {
            p.put("idTag", text(value));
        }
        return new Command.Call("RemoteStartTransaction", p);
    }

    private static double nonNegative(Object value) throws ValueProblem {
        if (!(value instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
            throw new ValueProblem("a limit must be a number of at least 0, not " + value);
        }
        return n.doubleValue();
    }

    private static long whole(Object value) throws ValueProblem {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ValueProblem("a whole number is needed, not " + value);
    }

    private static String text(Object value) throws ValueProblem {
        if (value instanceof String s) {
            return s;
        }
        throw new ValueProblem("a string is needed, not " + value);
    }
}
