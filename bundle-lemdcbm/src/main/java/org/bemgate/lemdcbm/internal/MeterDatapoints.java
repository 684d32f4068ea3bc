package org.bemgate.lemdcbm.internal;

import java.util.ArrayList;
import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.lemdcbm.internal.codec.LiveField;

/**
 * The datapoints of one meter, all known up front: the live values ({@link LiveField}), what
 * {@code /v1/status} says, the transaction state and OCMF record, and the two transaction actuators.
 * Keys are the meter's own field names.
 */
final class MeterDatapoints {

    static final String METER_ID = "meterId";
    static final String FIRMWARE = "firmwareVersion";
    static final String PUBLIC_KEY_OCMF = "publicKeyOcmf";
    static final String TRANSACTION_ID = "transactionId";
    static final String TRANSACTION_RUNNING = "transactionRunning";
    static final String OCMF = "ocmf";
    static final String START = "transactionStart";
    static final String STOP = "transactionStop";

    private MeterDatapoints() {
    }

    static List<DatapointMetadata> all(String connector) {
        List<DatapointMetadata> all = new ArrayList<>();
        for (LiveField f : LiveField.values()) {
            all.add(sensor(connector, f.key(), f.dataFormat(), f.unit(), f.description()));
        }
        all.add(sensor(connector, METER_ID, DataFormat.GENERIC_TEXT, "", "The meter's id (serial), from /v1/status"));
        all.add(sensor(connector, FIRMWARE, DataFormat.GENERIC_TEXT, "", "The meter's application firmware version"));
        all.add(sensor(connector, PUBLIC_KEY_OCMF, DataFormat.GENERIC_TEXT, "", "The public key that verifies the meter's OCMF records"));
        all.add(sensor(connector, TRANSACTION_ID, DataFormat.GENERIC_TEXT, "", "The id of the running transaction; empty when none runs"));
        all.add(sensor(connector, TRANSACTION_RUNNING, DataFormat.BOOL, "", "true while a legal transaction runs"));
        all.add(sensor(connector, OCMF, DataFormat.GENERIC_TEXT, "", "The signed OCMF record of the last stopped transaction, "
                + "unchanged: OCMF|{payload}|{signature}"));
        all.add(actuator(connector, START, "Starts a legal transaction: write its id, or {\"transactionId\", \"evseId\", "
                + "\"identificationData\", \"tariffId\", \"cableId\", \"userData\"}", "tx-0001"));
        all.add(actuator(connector, STOP, "Stops a legal transaction and reads its OCMF record: write its id, or \"\" for the "
                + "running one", "tx-0001"));
        return all;
    }

    private static DatapointMetadata sensor(String connector, String key, DataFormat format, String unit, String description) {
        return DatapointMetadata.builder(DatapointId.of(connector, key), DatapointType.SENSOR).dataFormat(format).unit(unit)
                .description(description).build();
    }

    private static DatapointMetadata actuator(String connector, String key, String description, String example) {
        return DatapointMetadata.builder(DatapointId.of(connector, key), DatapointType.ACTUATOR).dataFormat(DataFormat.GENERIC_TEXT)
                .description(description).exampleValue(example).build();
    }
}
