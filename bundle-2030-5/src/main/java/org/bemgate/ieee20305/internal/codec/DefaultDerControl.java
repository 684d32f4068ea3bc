package org.bemgate.ieee20305.internal.codec;

/**
 * A program's DefaultDERControl: the modes that apply when no DERControl of the program is active.
 *
 * @param href its URI
 * @param mrid its mRID
 * @param description or null
 * @param base the modes
 * @param setGradW default ramp rate, or null
 */
public record DefaultDerControl(String href, String mrid, String description, DerControlBase base, Integer setGradW) {

    public static DefaultDerControl parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "DefaultDERControl");
        return new DefaultDerControl(in.href(), in.reqText("mRID"), in.optText("description"),
                DerControlBase.read(in.required("DERControlBase")), in.optInt("setGradW"));
    }

    public String toXml(String csipNs) {
        XmlOut out = new XmlOut("DefaultDERControl", Sep.NS, csipNs, href).text("mRID", mrid).text("description", description);
        base.write(out);
        return out.text("setGradW", setGradW).finish();
    }
}
