package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** BEMCom's {@code compute_addresses} (§10.5) with bemgate's repeat counts. */
public class AddressAssignmentTest {

    @Test
    public void referenceVector() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 15, 19, 23, 24, 26, 30),
                AddressAssignment.addresses("<cbB?hHiIlLqQefdd", 1));
    }

    @Test
    public void bemcomTestFormatWithPadBytes() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28),
                AddressAssignment.addresses(">xbxbxBxBhhHHllLLqqQQ", 0));
    }

    @Test
    public void repeatCountsStandForCopies() {
        assertEquals(List.of(100, 102, 104, 106), AddressAssignment.addresses(">4f", 100));
        assertEquals(AddressAssignment.addresses(">ffff", 100), AddressAssignment.addresses(">4f", 100));
        assertEquals(List.of(7, 11, 12, 13), AddressAssignment.addresses(">d3h", 7));
    }

    @Test
    public void padBytesAndTheirCountsGetNoAddress() {
        assertEquals(List.of(5, 6), AddressAssignment.addresses(">3xbxh", 5));
        assertEquals(List.of(), AddressAssignment.addresses(">0f", 5));
    }

    @Test
    public void stringsAndNativeOnlyCodesAreSkipped() {
        assertEquals(List.of(1, 2), AddressAssignment.addresses("4shnNPpH", 1));
    }

    @Test
    public void nativeAlignmentIsIgnoredAsInBemcom() {
        // The f's bytes are in registers 2 and 3, but BEMCom's table gives it start + 1.
        assertEquals(List.of(10, 11), AddressAssignment.addresses("@hf", 10));
        assertEquals(4, StructFormat.parse("@hf").fields().get(1).offset());
    }

    @Test
    public void demoConfiguration() {
        assertEquals(List.of(1), AddressAssignment.addresses("e", 1));
        assertEquals(List.of(19000, 19002, 19004, 19006, 19008, 19010, 19012, 19014, 19016, 19018),
                AddressAssignment.addresses(">ffffffffff", 19000));
    }
}
