package org.bemgate.ieee20305.internal.codec;

/**
 * DERCapability: the DER's nameplate. {@code modesSupported}, {@code rtgMaxW} and {@code type} are
 * required; CSIP-AUS adds {@code doeModesSupported} (bit 0 opModExpLimW, 1 opModImpLimW, 2 opModGenLimW,
 * 3 opModLoadLimW), which envoy 2.x requires.
 *
 * @param href its URI, or null
 * @param modesSupported DERControlType bits
 * @param rtgMaxChargeRateW or null
 * @param rtgMaxDischargeRateW or null
 * @param rtgMaxVA or null
 * @param rtgMaxVar or null
 * @param rtgMaxW the maximum active power
 * @param rtgMaxWh or null
 * @param type DERType: 4 PV, 80 other storage, 81 EV, 82 EVSE, 83 combined PV and storage, …
 * @param doeModesSupported CSIP-AUS DOE bits, or null
 */
public record DerCapability(String href, long modesSupported, Power rtgMaxChargeRateW, Power rtgMaxDischargeRateW, Power rtgMaxVA,
        Power rtgMaxVar, Power rtgMaxW, Power rtgMaxWh, int type, Long doeModesSupported) {

    public static DerCapability parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "DERCapability");
        Long modes = in.optHex("modesSupported");
        Power max = in.power("rtgMaxW");
        if (modes == null || max == null) {
            throw new InvalidXmlException("DERCapability/" + (modes == null ? "modesSupported" : "rtgMaxW") + " is missing");
        }
        return new DerCapability(in.href(), modes, in.power("rtgMaxChargeRateW"), in.power("rtgMaxDischargeRateW"), in.power("rtgMaxVA"),
                in.power("rtgMaxVar"), max, in.power("rtgMaxWh"), in.reqInt("type"), in.csipHex("doeModesSupported"));
    }

    public String toXml(String csipNs) {
        return new XmlOut("DERCapability", Sep.NS, csipNs, href).hex("modesSupported", modesSupported)
                .power("rtgMaxChargeRateW", rtgMaxChargeRateW).power("rtgMaxDischargeRateW", rtgMaxDischargeRateW)
                .power("rtgMaxVA", rtgMaxVA).power("rtgMaxVar", rtgMaxVar).power("rtgMaxW", rtgMaxW).power("rtgMaxWh", rtgMaxWh)
                .text("type", type).csipHex("doeModesSupported", doeModesSupported).finish();
    }
}
