package org.bemgate.ocpp.internal;

/** How datapoint keys are built: {@code <charge point id>__<part>__<part>}, BEMCom's flattening with the id in front. */
final class Keys {

    /** Between the parts of a key, as BEMCom flattens nested names. */
    static final String SEPARATOR = "__";

    private Keys() {
    }

    /** @return {@code <cp>__<parts joined by __>} */
    static String of(String chargePointId, Object... parts) {
        StringBuilder b = new StringBuilder(chargePointId);
        for (Object p : parts) {
            b.append(SEPARATOR).append(p);
        }
        return b.toString();
    }

    /** @return {@code chargePointVendor} as {@code charge_point_vendor}, as BEMCom's ocpp library names fields */
    static String snake(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
