package org.bemgate.ieee20305.internal.codec;

/**
 * The control modes of a DERControl or DefaultDERControl, every one optional: a mode that is absent
 * leaves the DER free in that respect. CSIP-AUS adds the four dynamic operating envelope limits.
 *
 * @param opModConnect false: disconnect (galvanic isolation)
 * @param opModEnergize false: de-energize
 * @param opModFixedW charge/discharge setpoint, hundredths of a percent of setMaxW (SignedPerCent)
 * @param opModMaxLimW maximum active power, hundredths of a percent of setMaxW (PerCent)
 * @param opModTargetW target active power
 * @param rampTms ramp time, hundredths of a second
 * @param opModImpLimW CSIP-AUS: maximum import at the connection point
 * @param opModExpLimW CSIP-AUS: maximum export at the connection point
 * @param opModGenLimW CSIP-AUS: maximum generation
 * @param opModLoadLimW CSIP-AUS: maximum load
 */
public record DerControlBase(Boolean opModConnect, Boolean opModEnergize, Integer opModFixedW, Integer opModMaxLimW, Power opModTargetW,
        Integer rampTms, Power opModImpLimW, Power opModExpLimW, Power opModGenLimW, Power opModLoadLimW) {

    /** No mode set. */
    public static final DerControlBase NONE = new DerControlBase(null, null, null, null, null, null, null, null, null, null);

    static DerControlBase read(XmlIn in) throws InvalidXmlException {
        return new DerControlBase(in.optBool("opModConnect"), in.optBool("opModEnergize"), in.optInt("opModFixedW"),
                in.optInt("opModMaxLimW"), in.power("opModTargetW"), in.optInt("rampTms"), in.csipPower("opModImpLimW"),
                in.csipPower("opModExpLimW"), in.csipPower("opModGenLimW"), in.csipPower("opModLoadLimW"));
    }

    void write(XmlOut out) {
        out.start("DERControlBase").text("opModConnect", opModConnect).text("opModEnergize", opModEnergize)
                .text("opModFixedW", opModFixedW).text("opModMaxLimW", opModMaxLimW).power("opModTargetW", opModTargetW)
                .text("rampTms", rampTms).csipPower("opModImpLimW", opModImpLimW).csipPower("opModExpLimW", opModExpLimW)
                .csipPower("opModGenLimW", opModGenLimW).csipPower("opModLoadLimW", opModLoadLimW).end();
    }
}
