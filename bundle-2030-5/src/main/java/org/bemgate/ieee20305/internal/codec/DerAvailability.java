package org.bemgate.ieee20305.internal.codec;

/**
 * DERAvailability: what the DER can still deliver; {@code readingTime} is required.
 *
 * @param href its URI, or null
 * @param availabilityDuration seconds the DER can keep statWAvail up, or null
 * @param maxChargeDuration seconds it can keep charging at the maximum rate, or null
 * @param readingTime seconds since the epoch
 * @param reserveChargePercent hundredths of a percent, or null
 * @param reservePercent hundredths of a percent, or null
 * @param statVarAvail or null
 * @param statWAvail or null
 */
public record DerAvailability(String href, Long availabilityDuration, Long maxChargeDuration, long readingTime,
        Integer reserveChargePercent, Integer reservePercent, Power statVarAvail, Power statWAvail) {

    public static DerAvailability parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "DERAvailability");
        return new DerAvailability(in.href(), in.optLong("availabilityDuration"), in.optLong("maxChargeDuration"),
                in.reqLong("readingTime"), in.optInt("reserveChargePercent"), in.optInt("reservePercent"), in.power("statVarAvail"),
                in.power("statWAvail"));
    }

    public String toXml(String csipNs) {
        return new XmlOut("DERAvailability", Sep.NS, csipNs, href).text("availabilityDuration", availabilityDuration)
                .text("maxChargeDuration", maxChargeDuration).text("readingTime", readingTime)
                .text("reserveChargePercent", reserveChargePercent).text("reservePercent", reservePercent)
                .power("statVarAvail", statVarAvail).power("statWAvail", statWAvail).finish();
    }
}
