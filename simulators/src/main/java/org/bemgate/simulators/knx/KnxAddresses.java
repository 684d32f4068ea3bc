package org.bemgate.simulators.knx;

/** KNX addresses as 16-bit numbers and as text: group addresses {@code 2/3/111}, individual addresses {@code 1.1.10}. */
public final class KnxAddresses {

    private KnxAddresses() {
    }

    /**
     * @param text a three-level group address main/middle/sub (0-31/0-7/0-255)
     * @return its 16-bit value
     * @throws IllegalArgumentException if it is not one
     */
    public static int group(String text) {
        String[] p = text.strip().split("/");
        if (p.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a group address main/middle/sub");
        }
        int main = part(text, p[0], 31);
        int middle = part(text, p[1], 7);
        int sub = part(text, p[2], 255);
        return main << 11 | middle << 8 | sub;
    }

    /** @return the three-level text of a 16-bit group address */
    public static String group(int value) {
        return (value >> 11 & 0x1F) + "/" + (value >> 8 & 0x07) + "/" + (value & 0xFF);
    }

    /**
     * @param text an individual address area.line.device (0-15.0-15.0-255)
     * @return its 16-bit value
     */
    public static int individual(String text) {
        String[] p = text.strip().split("\\.");
        if (p.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not an individual address area.line.device");
        }
        return part(text, p[0], 15) << 12 | part(text, p[1], 15) << 8 | part(text, p[2], 255);
    }

    /** @return the area.line.device text of a 16-bit individual address */
    public static String individual(int value) {
        return (value >> 12 & 0x0F) + "." + (value >> 8 & 0x0F) + "." + (value & 0xFF);
    }

    private static int part(String whole, String p, int max) {
        try {
            int v = Integer.parseInt(p.strip());
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + whole + "': '" + p + "' is not a number from 0 to " + max);
    }
}
