package org.bemgate.modbus.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.modbus.internal.codec.ModbusConfig;
import org.bemgate.modbus.internal.codec.ReadRange;
import org.bemgate.modbus.internal.codec.ReadRequest;

/**
 * One poll of every read range of a device. A range the device refuses (a Modbus exception) or
 * whose registers cannot be decoded is a problem of that range; the others are still read. A
 * connection failure ends the poll: the device is offline.
 */
final class PollCycle {

    /** What one poll read. */
    record Result(Map<String, Object> values, List<String> problems) {
    }

    private PollCycle() {
    }

    /**
     * @return values by datapoint key, later ranges overwriting earlier ones as in BEMCom, and the problems
     * @throws ModbusFailure when the device cannot be reached
     */
    static Result run(ModbusConfig config, DeviceSession session) throws ModbusFailure, InterruptedException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ReadRange range : config.readRanges()) {
            try {
                read(range, session, values);
            } catch (ModbusFailure f) {
                if (!f.deviceAnswered()) {
                    throw f;
                }
                problems.add(range.describe() + ": " + f.getMessage());
            } catch (IllegalArgumentException e) {
                problems.add(range.describe() + ": " + e.getMessage());
            }
        }
        return new Result(values, problems);
    }

    /** Reads one range into the poll's values; a range that fails to decode adds nothing. */
    private static void read(ReadRange range, DeviceSession session, Map<String, Object> values)
            throws ModbusFailure, InterruptedException {
        if (range.function().isBits()) {
            boolean[] all = new boolean[range.count()];
            for (ReadRequest r : range.requests()) {
                boolean[] bits = session.readBits(r);
                System.arraycopy(bits, 0, all, r.offset(), r.count());
            }
            values.putAll(range.decodeBits(all));
            return;
        }
        List<int[]> chunks = new ArrayList<>(range.requests().size());
        for (ReadRequest r : range.requests()) {
            chunks.add(session.readRegisters(r));
        }
        range.decodeRegisterChunks(chunks, values);
    }
}
