package org.bemgate.modbus.internal;

/** The names of Modbus exception codes (Modbus Application Protocol V1.1b3, section 7). */
final class ExceptionCodes {

    private ExceptionCodes() {
    }

    /** @return for example {@code ILLEGAL DATA ADDRESS (2)} */
    static String name(int code) {
        String name = switch (code) {
            case 1 -> "ILLEGAL FUNCTION";
            case 2 -> "ILLEGAL DATA ADDRESS";
            case 3 -> "ILLEGAL DATA VALUE";
            case 4 -> "SERVER DEVICE FAILURE";
            case 5 -> "ACKNOWLEDGE";
            case 6 -> "SERVER DEVICE BUSY";
            case 8 -> "MEMORY PARITY ERROR";
            case 10 -> "GATEWAY PATH UNAVAILABLE";
            case 11 -> "GATEWAY TARGET DEVICE FAILED TO RESPOND";
            default -> "EXCEPTION";
        };
        return name + " (" + code + ")";
    }
}
