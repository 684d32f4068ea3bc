package org.bemgate.modbus.internal.codec;

/**
 * One value of a {@link StructFormat}: its code and where its bytes lie.
 *
 * @param code the format code
 * @param offset the offset of the first byte, after any alignment padding
 * @param size the number of bytes
 */
public record StructField(StructCode code, int offset, int size) {

    /** @return true if a register boundary lies strictly inside this value's bytes */
    boolean straddles(int byteOffset) {
        return this.offset < byteOffset && byteOffset < this.offset + this.size;
    }
}
