package org.bemgate.simulators.knx;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A cEMI link-layer data frame (L_Data.req, .con, .ind) with a standard KNX frame inside, as a
 * KNXnet/IP tunnelling request carries it.
 *
 * <p>Layout: message code, additional info length and bytes, control field 1, control field 2,
 * source, destination, NPDU length, TPDU (TPCI/APCI byte, APCI/data byte, more data).
 *
 * @param messageCode {@link #L_DATA_REQ}, {@link #L_DATA_CON} or {@link #L_DATA_IND}
 * @param ctrl1 control field 1; bit 0 of a confirmation is set when the frame was not sent
 * @param ctrl2 control field 2; bit 7 set for a group destination
 * @param source individual address of the sender
 * @param destination group or individual address
 * @param tpdu the transport PDU from the TPCI byte on
 */
public record CemiFrame(int messageCode, int ctrl1, int ctrl2, int source, int destination, byte[] tpdu) {

    /** A client asks to send the frame. */
    public static final int L_DATA_REQ = 0x11;
    /** The interface reports whether the requested frame went out. */
    public static final int L_DATA_CON = 0x2E;
    /** A frame seen on the bus. */
    public static final int L_DATA_IND = 0x29;

    /** APCI of a group read. */
    public static final int GROUP_READ = 0x000;
    /** APCI of an answer to a group read. */
    public static final int GROUP_RESPONSE = 0x040;
    /** APCI of a group write. */
    public static final int GROUP_WRITE = 0x080;

    /** Standard frame, not repeated, broadcast, low priority. */
    static final int CTRL1_STANDARD = 0xBC;
    /** Group destination, hop count 6. */
    static final int CTRL2_GROUP = 0xE0;

    /** Copies the TPDU. */
    public CemiFrame {
        tpdu = tpdu.clone();
        if (tpdu.length < 1 || tpdu.length > 16) {
            throw new IllegalArgumentException("a standard frame carries 1 to 16 TPDU bytes, not " + tpdu.length);
        }
    }

    /**
     * A group telegram.
     *
     * @param messageCode the cEMI message code
     * @param source the sender's individual address
     * @param group the destination group address
     * @param apci {@link #GROUP_READ}, {@link #GROUP_RESPONSE} or {@link #GROUP_WRITE}
     * @param value the value; null for a read
     * @return the frame
     */
    public static CemiFrame group(int messageCode, int source, int group, int apci, GroupValue value) {
        byte[] tpdu;
        if (value == null) {
            tpdu = new byte[] { (byte) (apci >> 8 & 0x03), (byte) (apci & 0xC0) };
        } else if (value.small()) {
            tpdu = new byte[] { (byte) (apci >> 8 & 0x03), (byte) (apci & 0xC0 | value.data()[0] & 0x3F) };
        } else {
            byte[] d = value.data();
            tpdu = new byte[2 + d.length];
            tpdu[0] = (byte) (apci >> 8 & 0x03);
            tpdu[1] = (byte) (apci & 0xC0);
            System.arraycopy(d, 0, tpdu, 2, d.length);
        }
        return new CemiFrame(messageCode, CTRL1_STANDARD, CTRL2_GROUP, source, group, tpdu);
    }

    /**
     * Reads a frame.
     *
     * @param b the buffer
     * @param off where the frame starts
     * @param len its length
     * @return the frame
     * @throws IllegalArgumentException if it is not a standard L_Data frame or its lengths disagree
     */
    public static CemiFrame parse(byte[] b, int off, int len) {
        if (len < 2) {
            throw new IllegalArgumentException("cEMI frame of " + len + " bytes");
        }
        int mc = b[off] & 0xFF;
        if (mc != L_DATA_REQ && mc != L_DATA_CON && mc != L_DATA_IND) {
            throw new IllegalArgumentException(String.format("cEMI message code 0x%02X is not L_Data", mc));
        }
        int p = off + 2 + (b[off + 1] & 0xFF);
        int end = off + len;
        if (p + 7 > end) {
            throw new IllegalArgumentException("cEMI L_Data frame too short: " + len + " bytes");
        }
        int ctrl1 = b[p] & 0xFF;
        int ctrl2 = b[p + 1] & 0xFF;
        int src = (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
        int dst = (b[p + 4] & 0xFF) << 8 | b[p + 5] & 0xFF;
        int npduLength = b[p + 6] & 0xFF;
        if (p + 7 + npduLength + 1 != end) {
            throw new IllegalArgumentException("cEMI NPDU length " + npduLength + " does not match the frame's " + len + " bytes");
        }
        return new CemiFrame(mc, ctrl1, ctrl2, src, dst, Arrays.copyOfRange(b, p + 7, end));
    }

    /** @return the frame's bytes, without additional info */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(messageCode);
        out.write(0);
        out.write(ctrl1);
        out.write(ctrl2);
        out.write(source >> 8);
        out.write(source);
        out.write(destination >> 8);
        out.write(destination);
        out.write(tpdu.length - 1);
        out.writeBytes(tpdu);
        return out.toByteArray();
    }

    @Override
    public byte[] tpdu() {
        return tpdu.clone();
    }

    /** @return true if the destination is a group address */
    public boolean toGroup() {
        return (ctrl2 & 0x80) != 0;
    }

    /** @return the application service: {@link #GROUP_READ}, {@link #GROUP_RESPONSE}, {@link #GROUP_WRITE} or another APCI */
    public int apci() {
        int apci = (tpdu[0] & 0x03) << 8;
        return tpdu.length > 1 ? apci | tpdu[1] & 0xC0 : apci;
    }

    /** @return true for a data group PDU (T_Data_Group) */
    public boolean isGroupData() {
        return toGroup() && (tpdu[0] & 0xFC) == 0 && tpdu.length >= 2;
    }

    /** @return the value a write or response carries; null for a read or a frame without one */
    public GroupValue value() {
        if (tpdu.length < 2 || apci() == GROUP_READ) {
            return null;
        }
        if (tpdu.length == 2) {
            return GroupValue.small(tpdu[1] & 0x3F);
        }
        return new GroupValue(Arrays.copyOfRange(tpdu, 2, tpdu.length), false);
    }

    /**
     * @param newCode the message code
     * @param newSource the source address
     * @param failed for a confirmation: true if the frame could not be sent
     * @return this frame with another message code and source, as a confirmation or indication of it
     */
    public CemiFrame as(int newCode, int newSource, boolean failed) {
        return new CemiFrame(newCode, failed ? ctrl1 | 0x01 : ctrl1 & ~0x01, ctrl2, newSource, destination, tpdu);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CemiFrame f && f.messageCode == messageCode && f.ctrl1 == ctrl1 && f.ctrl2 == ctrl2
                && f.source == source && f.destination == destination && Arrays.equals(f.tpdu, tpdu);
    }

    @Override
    public int hashCode() {
        return (messageCode * 31 + destination) * 31 + Arrays.hashCode(tpdu);
    }

    @Override
    public String toString() {
        return String.format("cEMI 0x%02X %s -> %s apci 0x%03X %s", messageCode, KnxAddresses.individual(source),
                toGroup() ? KnxAddresses.group(destination) : KnxAddresses.individual(destination), apci(), value());
    }
}
