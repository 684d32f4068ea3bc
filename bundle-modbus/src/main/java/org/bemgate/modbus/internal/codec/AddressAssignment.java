package org.bemgate.modbus.internal.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * BEMCom's {@code compute_addresses} (§10.5): the address of each decoded value, counted from the
 * range's start with a fixed register count per code, with bemgate's support for repeat counts.
 *
 * <p>The table ignores native sizes and alignment padding, so in native mode an address can differ
 * from where the value's bytes really are ({@code @hf}: the {@code f} gets start + 1). That is kept:
 * the addresses form the datapoint keys users already have.
 */
public final class AddressAssignment {

    private AddressAssignment() {
    }

    /**
     * @param format the parsed {@code datatypes}
     * @return for each code that gets an address (repeated by its count), its register offset from
     *         the range's start; pad bytes, {@code s p n N P} and the prefix get none
     */
    public static List<Integer> registerOffsets(StructFormat format) {
        List<Integer> offsets = new ArrayList<>();
        int next = 0;
        for (StructFormat.Item item : format.items()) {
            int registers = item.code().bemcomRegisters();
            if (registers == 0) {
                continue;
            }
            for (int i = 0; i < item.count(); i++) {
                offsets.add(next);
                next += registers;
            }
        }
        return offsets;
    }

    /**
     * @param datatypes a {@code datatypes} string
     * @param start the range's start address
     * @return the address of each value that gets one
     * @throws StructException if the string is not a valid format
     */
    public static List<Integer> addresses(String datatypes, int start) {
        List<Integer> addresses = new ArrayList<>();
        for (int offset : registerOffsets(StructFormat.parse(datatypes))) {
            addresses.add(start + offset);
        }
        return addresses;
    }
}
