package org.bemgate.ieee20305.internal.codec;

/**
 * DERSettings: the DER's present settings. {@code setGradW}, {@code setMaxW} and {@code updatedTime}
 * are required.
 *
 * @param href its URI, or null
 * @param modesEnabled DERControlType bits, or null
 * @param setGradW default ramp rate, hundredths of a percent of setMaxW per second
 * @param setMaxChargeRateW or null
 * @param setMaxDischargeRateW or null
 * @param setMaxVA or null
 * @param setMaxW the maximum active power
 * @param setMaxWh or null
 * @param updatedTime seconds since the epoch
 * @param doeModesEnabled CSIP-AUS DOE bits, or null
 */
public record DerSettings(String href, Long modesEnabled, int setGradW, Power setMaxChargeRateW, Power setMaxDischargeRateW,
        Power setMaxVA, Power setMaxW, Power setMaxWh, long updatedTime, Long doeModesEnabled) {

    public static DerSettings parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "DERSettings");
        Power max = in.power("setMaxW");
        if (max == null) {
            throw new InvalidXmlException("DERSettings/setMaxW is missing");
        }
        return new DerSettings(in.href(), in.optHex("modesEnabled"), in.reqInt("setGradW"), in.power("setMaxChargeRateW"),
                in.power("setMaxDischargeRateW"), in.power("setMaxVA"), max, in.power("setMaxWh"), in.reqLong("updatedTime"),
                in.csipHex("doeModesEnabled"));
    }

    public String toXml(String csipNs) {
        return new XmlOut("DERSettings", Sep.NS, csipNs, href).hex("modesEnabled", modesEnabled).text("setGradW", setGradW)
                .power("setMaxChargeRateW", setMaxChargeRateW).power("setMaxDischargeRateW", setMaxDischargeRateW)
                .power("setMaxVA", setMaxVA).power("setMaxW", setMaxW).power("setMaxWh", setMaxWh).text("updatedTime", updatedTime)
                .csipHex("doeModesEnabled", doeModesEnabled).finish();
    }
}
