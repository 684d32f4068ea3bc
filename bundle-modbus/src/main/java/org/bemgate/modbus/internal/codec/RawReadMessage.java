package org.bemgate.modbus.internal.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw message of one poll in BEMCom's shape (§10.9):
 * {@code {method: {range_index: [registers or bits]}}}, with the range index as a string, as JSON
 * object keys are.
 */
public final class RawReadMessage {

    private final Map<String, Map<String, List<Object>>> message = new LinkedHashMap<>();

    /**
     * @param range a register range
     * @param registers the registers read for the whole range
     * @return this message
     */
    public RawReadMessage addRegisters(ReadRange range, int[] registers) {
        List<Object> list = new ArrayList<>(registers.length);
        for (int r : registers) {
            list.add(r);
        }
        return add(range, list);
    }

    /**
     * @param range a coil or discrete input range
     * @param bits the bits read; only the range's {@code count} bits are kept, since padding carries
     *        no data
     * @return this message
     */
    public RawReadMessage addBits(ReadRange range, boolean[] bits) {
        List<Object> list = new ArrayList<>(range.count());
        for (int i = 0; i < Math.min(range.count(), bits.length); i++) {
            list.add(bits[i]);
        }
        return add(range, list);
    }

    private RawReadMessage add(ReadRange range, List<Object> data) {
        this.message.computeIfAbsent(range.function().key(), k -> new LinkedHashMap<>())
                .put(String.valueOf(range.index()), Collections.unmodifiableList(data));
        return this;
    }

    /** @return the message as plain JSON values (unmodifiable) */
    public Map<String, Map<String, List<Object>>> toJsonValue() {
        Map<String, Map<String, List<Object>>> copy = new LinkedHashMap<>();
        this.message.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }
}
