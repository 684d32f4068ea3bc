package org.bemgate.ocpp.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The OCPP 1.6 message definitions: valid messages pass, and each kind of violation gets its code and path. */
public class MessagesTest {

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) FrameCodec.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void valid(String action, String payload) {
        Violation v = Messages.checkRequest(action, json(payload));
        assertNull(action + " " + payload + ": " + (v == null ? "" : v.describe()), v);
    }

    private static void invalid(String action, String payload, ErrorCode code, String path) {
        Violation v = Messages.checkRequest(action, json(payload));
        assertEquals(action + " " + payload, code, v == null ? null : v.code());
        assertEquals(action + " " + payload, path, v.path());
    }

    @Test
    public void validRequestsOfEveryCoreMessagePass() {
        valid("BootNotification", "{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"SingleSocketCharger\"}");
        valid("BootNotification", "{\"chargePointVendor\":\"12345678901234567890\",\"chargePointModel\":\"m\",\"chargePointSerialNumber\":"
                + "\"s\",\"chargeBoxSerialNumber\":\"b\",\"firmwareVersion\":\"1\",\"iccid\":\"i\",\"imsi\":\"i\",\"meterType\":\"t\","
                + "\"meterSerialNumber\":\"m\"}");
        valid("Heartbeat", "{}");
        valid("StatusNotification", "{\"connectorId\":0,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
        valid("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"OtherError\",\"status\":\"Faulted\",\"info\":\"x\","
                + "\"timestamp\":\"2024-05-01T12:00:00.123+02:00\",\"vendorId\":\"v\",\"vendorErrorCode\":\"E1\"}");
        valid("MeterValues", "{\"connectorId\":1,\"transactionId\":5,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\","
                + "\"sampledValue\":[{\"value\":\"12.5\",\"context\":\"Sample.Periodic\",\"format\":\"Raw\",\"measurand\":\"Current.Import\","
                + "\"phase\":\"L1\",\"location\":\"Outlet\",\"unit\":\"A\"},{\"value\":\"1\"},{\"value\":\"20\",\"unit\":\"Celsius\"},"
                + "{\"value\":\"20\",\"unit\":\"Celcius\"}]}]}");
        valid("Authorize", "{\"idTag\":\"12345678901234567890\"}");
        valid("StartTransaction", "{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2024-05-01T12:00:00Z\","
                + "\"reservationId\":3}");
        valid("StopTransaction", "{\"transactionId\":1,\"meterStop\":10,\"timestamp\":\"2024-05-01T12:00:00Z\",\"reason\":\"EVDisconnected\","
                + "\"idTag\":\"T\",\"transactionData\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{\"value\":\"10\"}]}]}");
        valid("DataTransfer", "{\"vendorId\":\"com.example\",\"messageId\":\"m\",\"data\":\"{\\\"a\\\":1}\"}");
        valid("DiagnosticsStatusNotification", "{\"status\":\"Uploading\"}");
        valid("FirmwareStatusNotification", "{\"status\":\"InstallationFailed\"}");
        valid("MeterValues", "{\"connectorId\":1.0,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00\",\"sampledValue\":[{\"value\":\"1\"}]}]}");
    }

    @Test
    public void unknownAndWrongWayActions() {
        invalid("Teleport", "{}", ErrorCode.NOT_IMPLEMENTED, "");
        invalid("Reset", "{\"type\":\"Soft\"}", ErrorCode.NOT_SUPPORTED, "");
        invalid("SecurityEventNotification", "{}", ErrorCode.NOT_SUPPORTED, "");
        invalid("heartbeat", "{}", ErrorCode.NOT_IMPLEMENTED, "");
    }

    @Test
    public void missingFieldsAndEmptyListsAreOccurrenceViolations() {
        invalid("BootNotification", "{\"chargePointModel\":\"m\"}", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "chargePointVendor");
        invalid("StatusNotification", "{\"connectorId\":1,\"status\":\"Available\"}", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "errorCode");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":[]}", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "meterValue");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[]}]}",
                ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "meterValue[0].sampledValue");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{}]}]}",
                ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "meterValue[0].sampledValue[0].value");
        invalid("StopTransaction", "{\"meterStop\":1,\"timestamp\":\"2024-05-01T12:00:00Z\"}", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
                "transactionId");
        invalid("Authorize", "{}", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "idTag");
        invalid("DataTransfer", "{}", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "vendorId");
    }

    @Test
    public void wrongJsonTypesAreTypeViolations() {
        invalid("Authorize", "{\"idTag\":5}", ErrorCode.TYPE_CONSTRAINT_VIOLATION, "idTag");
        invalid("Authorize", "{\"idTag\":null}", ErrorCode.TYPE_CONSTRAINT_VIOLATION, "idTag");
        invalid("StartTransaction", "{\"connectorId\":\"1\",\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2024-05-01T12:00:00Z\"}",
                ErrorCode.TYPE_CONSTRAINT_VIOLATION, "connectorId");
        invalid("StartTransaction", "{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0.5,\"timestamp\":\"2024-05-01T12:00:00Z\"}",
                ErrorCode.TYPE_CONSTRAINT_VIOLATION, "meterStart");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":{}}", ErrorCode.TYPE_CONSTRAINT_VIOLATION, "meterValue");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{\"value\":1}]}]}",
                ErrorCode.TYPE_CONSTRAINT_VIOLATION, "meterValue[0].sampledValue[0].value");
        invalid("StatusNotification", "{\"connectorId\":1,\"errorCode\":[\"NoError\"],\"status\":\"Available\"}",
                ErrorCode.TYPE_CONSTRAINT_VIOLATION, "errorCode");
    }

    @Test
    public void badValuesArePropertyViolations() {
        invalid("BootNotification", "{\"chargePointVendor\":\"123456789012345678901\",\"chargePointModel\":\"m\"}",
                ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "chargePointVendor");
        invalid("BootNotification", "{\"chargePointVendor\":\"v\",\"chargePointModel\":\"m\",\"firmwareVersion\":\"" + "f".repeat(51) + "\"}",
                ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "firmwareVersion");
        invalid("Authorize", "{\"idTag\":\"123456789012345678901\"}", ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "idTag");
        invalid("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"Oops\",\"status\":\"Available\"}",
                ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "errorCode");
        invalid("StatusNotification", "{\"connectorId\":-1,\"errorCode\":\"NoError\",\"status\":\"Available\"}",
                ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "connectorId");
        invalid("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\",\"timestamp\":\"noon\"}",
                ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "timestamp");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{\"value\":\"1\","
                + "\"unit\":\"Joule\"}]}]}", ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "meterValue[0].sampledValue[0].unit");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{\"value\":\"1\","
                + "\"measurand\":\"Energy\"}]}]}", ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "meterValue[0].sampledValue[0].measurand");
        invalid("StopTransaction", "{\"transactionId\":1,\"meterStop\":1,\"timestamp\":\"2024-05-01T12:00:00Z\",\"reason\":\"Bored\"}",
                ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "reason");
        invalid("StartTransaction", "{\"connectorId\":0,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2024-05-01T12:00:00Z\"}",
                ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "connectorId");
        invalid("DiagnosticsStatusNotification", "{\"status\":\"Done\"}", ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "status");
        invalid("DataTransfer", "{\"vendorId\":\"v\",\"messageId\":\"" + "m".repeat(51) + "\"}", ErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                "messageId");
    }

    @Test
    public void unknownFieldsAreFormationViolations() {
        invalid("Heartbeat", "{\"now\":1}", ErrorCode.FORMATION_VIOLATION, "now");
        invalid("MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T12:00:00Z\",\"sampledValue\":[{\"value\":\"1\","
                + "\"quality\":\"good\"}]}]}", ErrorCode.FORMATION_VIOLATION, "meterValue[0].sampledValue[0].quality");
    }

    @Test
    public void confirmationsOfTheChargePointAreChecked() {
        assertNull(Messages.checkConfirmation("SetChargingProfile", json("{\"status\":\"NotSupported\"}")));
        assertEquals(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, Messages.checkConfirmation("SetChargingProfile", json("{\"status\":\"Yes\"}"))
                .code());
        assertEquals(ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, Messages.checkConfirmation("Reset", json("{}")).code());
        assertNull(Messages.checkConfirmation("GetConfiguration", json("{\"configurationKey\":[{\"key\":\"k\",\"readonly\":true,"
                + "\"value\":\"v\"}],\"unknownKey\":[\"x\"]}")));
        assertEquals(ErrorCode.TYPE_CONSTRAINT_VIOLATION, Messages.checkConfirmation("GetConfiguration",
                json("{\"configurationKey\":[{\"key\":\"k\",\"readonly\":\"yes\"}]}")).code());
        assertNull(Messages.checkConfirmation("GetCompositeSchedule", json("{\"status\":\"Accepted\",\"connectorId\":0,"
                + "\"scheduleStart\":\"2024-05-01T12:00:00Z\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
                + "[{\"startPeriod\":0,\"limit\":16.0}]}}")));
        assertNull(Messages.checkConfirmation("UnlockConnector", json("{\"status\":\"UnlockFailed\"}")));
        assertNull(Messages.checkConfirmation("TriggerMessage", json("{\"status\":\"NotImplemented\"}")));
        assertNull(Messages.checkConfirmation("ChangeAvailability", json("{\"status\":\"Scheduled\"}")));
    }

    @Test
    public void ownCallsAreCheckedToo() {
        assertNull(Messages.checkOwnCall("SetChargingProfile", json("{\"connectorId\":0,\"csChargingProfiles\":{\"chargingProfileId\":100,"
                + "\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\","
                + "\"chargingSchedule\":{\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":7400.0,"
                + "\"numberPhases\":3}]}}}")));
        Violation tenth = Messages.checkOwnCall("SetChargingProfile", json("{\"connectorId\":0,\"csChargingProfiles\":{\"chargingProfileId\":1,"
                + "\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\","
                + "\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":6.05}]}}}"));
        assertEquals("csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit", tenth.path());
        assertEquals(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, Messages.checkOwnCall("ChangeConfiguration",
                json("{\"key\":\"" + "k".repeat(51) + "\",\"value\":\"v\"}")).code());
        assertNull(Messages.checkOwnConfirmation("BootNotification", json("{\"status\":\"Accepted\",\"currentTime\":\"2024-05-01T12:00:00Z\","
                + "\"interval\":60}")));
    }
}
