package org.bemgate.lemdcbm.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;

import org.junit.Test;

/** The meter's JSON: EVerest's test vectors, and every way an answer can be invalid. */
public class MeterCodecTest {

    private static String invalid(ThrowingParse p) {
        try {
            p.run();
        } catch (InvalidReplyException e) {
            return e.getMessage();
        }
        fail("the body should be invalid");
        return null;
    }

    @FunctionalInterface
    private interface ThrowingParse {
        void run() throws InvalidReplyException;
    }

    @Test
    public void liveMeasureInWattsAndWattHoursAsEverestTests() throws Exception {
        Map<LiveField, Object> v = MeterCodec.liveMeasure("{\"voltage\": 4.2, \"current\": 4, \"power\": 3, \"temperatureH\": 0, "
                + "\"temperatureL\": 0, \"energyImportTotal\": 1, \"energyExportTotal\": 2, \"timestamp\": \"2023-09-10T21:10:08.068773\"}");
        assertEquals(1000.0, v.get(LiveField.ENERGY_IMPORT_TOTAL));
        assertEquals(2000.0, v.get(LiveField.ENERGY_EXPORT_TOTAL));
        assertEquals(3000.0, v.get(LiveField.POWER));
        assertEquals(4.2, v.get(LiveField.VOLTAGE));
        assertEquals(4.0, v.get(LiveField.CURRENT));
        assertEquals(0.0, v.get(LiveField.TEMPERATURE_H));
        assertEquals("2023-09-10T21:10:08.068773", v.get(LiveField.TIMESTAMP));
    }

    @Test
    public void optionalLiveFieldsMayBeMissingRequiredOnesMayNot() throws Exception {
        Map<LiveField, Object> v = MeterCodec.liveMeasure("{\"voltage\": 1, \"current\": 2, \"power\": 3, \"energyImportTotal\": 4, "
                + "\"energyExportTotal\": 5}");
        assertEquals(5, v.size());
        assertEquals("'power' is missing", invalid(() -> MeterCodec.liveMeasure("{\"voltage\": 1, \"current\": 2, "
                + "\"energyImportTotal\": 4, \"energyExportTotal\": 5}")));
        assertEquals("'voltage' is not a number: \"230\"", invalid(() -> MeterCodec.liveMeasure("{\"voltage\": \"230\"}")));
        assertEquals("not valid JSON: {\"voltage\": 1", invalid(() -> MeterCodec.liveMeasure("{\"voltage\": 1")));
        assertEquals("not a JSON object: [1]", invalid(() -> MeterCodec.liveMeasure("[1]")));
        assertEquals("not a JSON object: ", invalid(() -> MeterCodec.liveMeasure("")));
    }

    @Test
    public void statusNeedsAMeterId() throws Exception {
        MeterStatus s = MeterCodec.status("{\"status\": {\"value\": 21, \"bits\": {\"transactionIsOnGoing\": true, "
                + "\"timeSyncStatusIsOk\": true}}, \"version\": {\"applicationFirmwareVersion\": \"1.2.3.4\"}, "
                + "\"meterId\": \"12024072805\", \"publicKeyOcmf\": \"ABCD\"}");
        assertEquals(new MeterStatus("12024072805", "1.2.3.4", "ABCD", true, true), s);
        assertEquals(new MeterStatus("7", "", "", false, false), MeterCodec.status("{\"meterId\": \"7\"}"));
        assertEquals("'meterId' is missing or empty", invalid(() -> MeterCodec.status("{\"meterId\": \"  \"}")));
        assertEquals("'meterId' is missing or empty", invalid(() -> MeterCodec.status("{\"meterId\": 12024072805}")));
    }

    @Test
    public void aStartCountsOnlyWhenTheMeterSaysRunning() throws Exception {
        MeterCodec.started("{\"transactionId\": \"t1\", \"running\": true}", "t1");
        assertEquals("the meter says the transaction is not running",
                invalid(() -> MeterCodec.started("{\"transactionId\": \"t1\", \"running\": false}", "t1")));
        assertEquals("'running' is missing or not true/false", invalid(() -> MeterCodec.started("{\"running\": \"yes\"}", "t1")));
        assertEquals("the meter runs transaction 't2', not 't1'",
                invalid(() -> MeterCodec.started("{\"transactionId\": \"t2\", \"running\": true}", "t1")));
    }

    @Test
    public void aStopCountsOnlyWithTheOngoingBitClear() throws Exception {
        MeterCodec.stopped("{\"meterValue\": {\"transactionStatus\": 17}}");
        assertEquals("the meter says the transaction is still going on (transactionStatus 21)",
                invalid(() -> MeterCodec.stopped("{\"meterValue\": {\"transactionStatus\": 21}}")));
        assertEquals("'meterValue.transactionStatus' is missing or not a whole number", invalid(() -> MeterCodec.stopped("{}")));
    }

    @Test
    public void settingsNeedResultOne() throws Exception {
        MeterCodec.settingsAccepted("{\"meterId\": \"m\", \"result\": 1}");
        assertTrue(invalid(() -> MeterCodec.settingsAccepted("{\"result\": 0}")).startsWith("the meter refused the settings (result 0)"));
        assertEquals("'result' is missing", invalid(() -> MeterCodec.settingsAccepted("{}")));
    }

    @Test
    public void ocmfRecordsAreCheckedAndKeptByteForByte() throws Exception {
        String record = "OCMF|{\"FV\":\"1.0\",\"PG\":\"T1\",\"RD\":[{\"TX\":\"B\",\"RV\":2935.6}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"3045\"}";
        assertEquals(record, MeterCodec.ocmf(record));
        assertEquals("the OCMF record is empty", invalid(() -> MeterCodec.ocmf("  ")));
        assertTrue(invalid(() -> MeterCodec.ocmf("OCMF|{}")).startsWith("not an OCMF record"));
        assertTrue(invalid(() -> MeterCodec.ocmf("XXXX|{}|{}")).startsWith("not an OCMF record"));
        assertEquals("the OCMF payload has no readings 'RD'", invalid(() -> MeterCodec.ocmf("OCMF|{\"FV\":\"1.0\"}|{\"SD\":\"1\"}")));
        assertEquals("the OCMF signature has no data 'SD'", invalid(() -> MeterCodec.ocmf("OCMF|{\"RD\":[]}|{}")));
        assertTrue(invalid(() -> MeterCodec.ocmf("OCMF|{\"RD\":[|{}")).startsWith("not valid JSON"));
    }

    @Test
    public void theLastTransactionIdIsText() throws Exception {
        assertEquals("tx-9", MeterCodec.lastTransactionId("{\"transactionId\": \"tx-9\"}"));
        assertFalse(invalid(() -> MeterCodec.lastTransactionId("{\"transactionId\": 9}")).isEmpty());
    }
}
