package org.bemgate.ocpp.internal.codec;

import static org.bemgate.ocpp.internal.codec.Type.array;
import static org.bemgate.ocpp.internal.codec.Type.bool;
import static org.bemgate.ocpp.internal.codec.Type.dateTime;
import static org.bemgate.ocpp.internal.codec.Type.decimal;
import static org.bemgate.ocpp.internal.codec.Type.enumeration;
import static org.bemgate.ocpp.internal.codec.Type.integer;
import static org.bemgate.ocpp.internal.codec.Type.object;
import static org.bemgate.ocpp.internal.codec.Type.string;
import static org.bemgate.ocpp.internal.codec.Type.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OCPP 1.6 message definitions (the OCA JSON schemas, all with {@code additionalProperties: false})
 * as data: per action the request and the confirmation. Charge-point-initiated requests are checked
 * before they are handled; the charge point's confirmations of the central system's calls are
 * checked before they are believed.
 */
public final class Messages {

    /** A request and its confirmation. */
    public record Definition(String action, Type request, Type confirmation) {
    }

    /** Enumerations used by the connector as well as by the checks. */
    public static final List<String> TRIGGERABLE = List.of("BootNotification", "DiagnosticsStatusNotification",
            "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification");
    public static final List<String> CONNECTOR_STATUS = List.of("Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV",
            "Finishing", "Reserved", "Unavailable", "Faulted");
    public static final List<String> ERROR_CODES = List.of("ConnectorLockFailure", "EVCommunicationError", "GroundFailure",
            "HighTemperature", "InternalError", "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure", "PowerMeterFailure",
            "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage", "OverVoltage", "WeakSignal");
    public static final List<String> MEASURANDS = List.of("Energy.Active.Export.Register", "Energy.Active.Import.Register",
            "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register", "Energy.Active.Export.Interval",
            "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval", "Power.Active.Export",
            "Power.Active.Import", "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import", "Power.Factor", "Current.Import",
            "Current.Export", "Current.Offered", "Voltage", "Frequency", "Temperature", "SoC", "RPM");
    public static final List<String> PHASES = List.of("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1");
    /** The 1.6 schema spells Celcius; the errata's Celsius is accepted too. */
    public static final List<String> UNITS = List.of("Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V",
            "K", "Celcius", "Celsius", "Fahrenheit", "Percent");

    private static final Type ID_TAG_INFO = object()
            .opt("expiryDate", dateTime())
            .opt("parentIdTag", string(20))
            .req("status", enumeration(List.of("Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx")));
    private static final Type SAMPLED_VALUE = object()
            .req("value", text())
            .opt("context", enumeration(List.of("Interruption.Begin", "Interruption.End", "Sample.Clock", "Sample.Periodic",
                    "Transaction.Begin", "Transaction.End", "Trigger", "Other")))
            .opt("format", enumeration(List.of("Raw", "SignedData")))
            .opt("measurand", enumeration(MEASURANDS))
            .opt("phase", enumeration(PHASES))
            .opt("location", enumeration(List.of("Cable", "EV", "Inlet", "Outlet", "Body")))
            .opt("unit", enumeration(UNITS));
    private static final Type METER_VALUE = object()
            .req("timestamp", dateTime())
            .req("sampledValue", array(SAMPLED_VALUE, 1));
    private static final Type CHARGING_SCHEDULE = object()
            .opt("duration", integer())
            .opt("startSchedule", dateTime())
            .req("chargingRateUnit", enumeration(List.of("A", "W")))
            .req("chargingSchedulePeriod", array(object()
                    .req("startPeriod", integer())
                    .req("limit", decimal(true))
                    .opt("numberPhases", integer()), 1))
            .opt("minChargingRate", decimal(true));
    private static final Type CHARGING_PROFILE = object()
            .req("chargingProfileId", integer())
            .opt("transactionId", integer())
            .req("stackLevel", integer(0))
            .req("chargingProfilePurpose", enumeration(List.of("ChargePointMaxProfile", "TxDefaultProfile", "TxProfile")))
            .req("chargingProfileKind", enumeration(List.of("Absolute", "Recurring", "Relative")))
            .opt("recurrencyKind", enumeration(List.of("Daily", "Weekly")))
            .opt("validFrom", dateTime())
            .opt("validTo", dateTime())
            .req("chargingSchedule", CHARGING_SCHEDULE);
    private static final Type EMPTY = object();

    private static Type status(String... values) {
        return object().req("status", enumeration(List.of(values)));
    }

    /** What a charge point may ask the central system. */
    public static final Map<String, Definition> FROM_CHARGE_POINT = index(
            new Definition("Authorize", object().req("idTag", string(20)), object().req("idTagInfo", ID_TAG_INFO)),
            new Definition("BootNotification", object()
                    .req("chargePointVendor", string(20))
                    .req("chargePointModel", string(20))
                    .opt("chargePointSerialNumber", string(25))
                    .opt("chargeBoxSerialNumber", string(25))
                    .opt("firmwareVersion", string(50))
                    .opt("iccid", string(20))
                    .opt("imsi", string(20))
                    .opt("meterType", string(25))
                    .opt("meterSerialNumber", string(25)),
                    object().req("status", enumeration(List.of("Accepted", "Pending", "Rejected")))
                            .req("currentTime", dateTime()).req("interval", integer())),
            new Definition("DataTransfer", object().req("vendorId", string(255)).opt("messageId", string(50)).opt("data", text()),
                    object().req("status", enumeration(List.of("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId")))
                            .opt("data", text())),
            new Definition("DiagnosticsStatusNotification", status("Idle", "Uploaded", "UploadFailed", "Uploading"), EMPTY),
            new Definition("FirmwareStatusNotification", status("Downloaded", "DownloadFailed", "Downloading", "Idle",
                    "InstallationFailed", "Installing", "Installed"), EMPTY),
            new Definition("Heartbeat", EMPTY, object().req("currentTime", dateTime())),
            new Definition("MeterValues", object()
                    .req("connectorId", integer(0))
                    .opt("transactionId", integer())
                    .req("meterValue", array(METER_VALUE, 1)), EMPTY),
            new Definition("StartTransaction", object()
                    .req("connectorId", integer(1))
                    .req("idTag", string(20))
                    .req("meterStart", integer())
                    .opt("reservationId", integer())
                    .req("timestamp", dateTime()),
                    object().req("idTagInfo", ID_TAG_INFO).req("transactionId", integer())),
            new Definition("StatusNotification", object()
                    .req("connectorId", integer(0))
                    .req("errorCode", enumeration(ERROR_CODES))
                    .opt("info", string(50))
                    .req("status", enumeration(CONNECTOR_STATUS))
                    .opt("timestamp", dateTime())
                    .opt("vendorId", string(255))
                    .opt("vendorErrorCode", string(50)), EMPTY),
            new Definition("StopTransaction", object()
                    .opt("idTag", string(20))
                    .req("meterStop", integer())
                    .req("timestamp", dateTime())
                    .req("transactionId", integer())
                    .opt("reason", enumeration(List.of("EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss",
                            "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized")))
                    .opt("transactionData", array(METER_VALUE, 0)),
                    object().opt("idTagInfo", ID_TAG_INFO)));

    /** What the central system may ask a charge point, with the confirmations it accepts. */
    public static final Map<String, Definition> TO_CHARGE_POINT = index(
            new Definition("ChangeAvailability", object().req("connectorId", integer(0))
                    .req("type", enumeration(List.of("Inoperative", "Operative"))), status("Accepted", "Rejected", "Scheduled")),
            new Definition("ChangeConfiguration", object().req("key", string(50)).req("value", string(500)),
                    status("Accepted", "Rejected", "RebootRequired", "NotSupported")),
            new Definition("ClearChargingProfile", object().opt("id", integer()).opt("connectorId", integer(0))
                    .opt("chargingProfilePurpose", enumeration(List.of("ChargePointMaxProfile", "TxDefaultProfile", "TxProfile")))
                    .opt("stackLevel", integer(0)), status("Accepted", "Unknown")),
            new Definition("GetCompositeSchedule", object().req("connectorId", integer(0)).req("duration", integer(0))
                    .opt("chargingRateUnit", enumeration(List.of("A", "W"))),
                    object().req("status", enumeration(List.of("Accepted", "Rejected"))).opt("connectorId", integer(0))
                            .opt("scheduleStart", dateTime()).opt("chargingSchedule", CHARGING_SCHEDULE)),
            new Definition("GetConfiguration", object().opt("key", array(string(50), 0)),
                    object().opt("configurationKey", array(object().req("key", string(50)).req("readonly", bool())
                            .opt("value", string(500)), 0)).opt("unknownKey", array(string(50), 0))),
            new Definition("RemoteStartTransaction", object().opt("connectorId", integer(1)).req("idTag", string(20))
                    .opt("chargingProfile", CHARGING_PROFILE), status("Accepted", "Rejected")),
            new Definition("RemoteStopTransaction", object().req("transactionId", integer()), status("Accepted", "Rejected")),
            new Definition("Reset", object().req("type", enumeration(List.of("Hard", "Soft"))), status("Accepted", "Rejected")),
            new Definition("SetChargingProfile", object().req("connectorId", integer(0)).req("csChargingProfiles", CHARGING_PROFILE),
                    status("Accepted", "Rejected", "NotSupported")),
            new Definition("TriggerMessage", object().req("requestedMessage", enumeration(TRIGGERABLE)).opt("connectorId", integer(1)),
                    status("Accepted", "Rejected", "NotImplemented")),
            new Definition("UnlockConnector", object().req("connectorId", integer(1)), status("Unlocked", "UnlockFailed", "NotSupported")));

    /** OCPP 1.6 actions this central system knows but does not take from a charge point (answered NotSupported). */
    public static final Set<String> NOT_SUPPORTED = Set.of("CancelReservation", "ClearCache", "GetDiagnostics", "GetLocalListVersion",
            "ReserveNow", "SendLocalList", "UpdateFirmware", "SecurityEventNotification", "SignCertificate", "LogStatusNotification",
            "SignedFirmwareStatusNotification", "ChangeAvailability", "ChangeConfiguration", "ClearChargingProfile",
            "GetCompositeSchedule", "GetConfiguration", "RemoteStartTransaction", "RemoteStopTransaction", "Reset", "SetChargingProfile",
            "TriggerMessage", "UnlockConnector");

    private Messages() {
    }

    /**
     * Checks a charge point's request.
     *
     * @param action the CALL's action
     * @param payload its payload
     * @return the violation to answer, or null if the request may be handled
     */
    public static Violation checkRequest(String action, ObjectNode payload) {
        Definition d = FROM_CHARGE_POINT.get(action);
        if (d == null) {
            return NOT_SUPPORTED.contains(action)
                    ? new Violation(ErrorCode.NOT_SUPPORTED, "", action + " is an OCPP 1.6 action this central system does not take")
                    : new Violation(ErrorCode.NOT_IMPLEMENTED, "", "unknown action '" + action + "'");
        }
        return d.request().check(payload, "");
    }

    /**
     * Checks a charge point's confirmation of one of the central system's calls.
     *
     * @return the violation, or null if it fits
     */
    public static Violation checkConfirmation(String action, ObjectNode payload) {
        Definition d = TO_CHARGE_POINT.get(action);
        if (d == null) {
            throw new IllegalArgumentException("the central system never sends " + action);
        }
        return d.confirmation().check(payload, "");
    }

    /** Checks a request the central system is about to send: a violation here is a bug or a bad actuator value. */
    public static Violation checkOwnCall(String action, ObjectNode payload) {
        Definition d = TO_CHARGE_POINT.get(action);
        if (d == null) {
            throw new IllegalArgumentException("the central system never sends " + action);
        }
        return d.request().check(payload, "");
    }

    /** Checks a confirmation the central system is about to send to a charge point. */
    public static Violation checkOwnConfirmation(String action, ObjectNode payload) {
        return FROM_CHARGE_POINT.get(action).confirmation().check(payload, "");
    }

    private static Map<String, Definition> index(Definition... definitions) {
        java.util.Map<String, Definition> m = new java.util.LinkedHashMap<>();
        for (Definition d : definitions) {
            m.put(d.action(), d);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
