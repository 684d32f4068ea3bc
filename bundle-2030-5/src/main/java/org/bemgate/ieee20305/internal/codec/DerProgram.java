package org.bemgate.ieee20305.internal.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A DERProgram: its default and scheduled controls; a lower {@code primacy} wins over a higher one.
 *
 * @param href its URI
 * @param mrid its mRID
 * @param description or null
 * @param activeDerControlListLink or null
 * @param defaultDerControlLink or null
 * @param derControlListLink or null
 * @param derCurveListLink or null
 * @param primacy PrimacyType (0 = highest priority)
 */
public record DerProgram(String href, String mrid, String description, Link activeDerControlListLink, Link defaultDerControlLink,
        Link derControlListLink, Link derCurveListLink, int primacy) {

    static DerProgram read(XmlIn in) throws InvalidXmlException {
        return new DerProgram(in.href(), in.reqText("mRID"), in.optText("description"), in.link("ActiveDERControlListLink"),
                in.link("DefaultDERControlLink"), in.link("DERControlListLink"), in.link("DERCurveListLink"), in.reqInt("primacy"));
    }

    public static DerProgram parse(String body) throws InvalidXmlException {
        return read(XmlIn.parse(body, "DERProgram"));
    }

    void write(XmlOut out) {
        out.text("mRID", mrid).text("description", description).link("ActiveDERControlListLink", activeDerControlListLink)
                .link("DefaultDERControlLink", defaultDerControlLink).link("DERControlListLink", derControlListLink)
                .link("DERCurveListLink", derCurveListLink).text("primacy", primacy);
    }

    /**
     * A DERProgramList page.
     *
     * @param href its URI
     * @param all the list's size
     * @param results this page's size
     * @param pollRate seconds, or null
     * @param programs the page
     */
    public record Page(String href, int all, int results, Integer pollRate, List<DerProgram> programs) {

        public static Page parse(String body) throws InvalidXmlException {
            XmlIn in = XmlIn.parse(body, "DERProgramList");
            List<DerProgram> programs = new ArrayList<>();
            for (XmlIn p : in.children("DERProgram")) {
                programs.add(read(p));
            }
            return new Page(in.href(), EndDevice.required(in, "all"), EndDevice.required(in, "results"), in.intAttr("pollRate"),
                    List.copyOf(programs));
        }

        public String toXml(String csipNs) {
            XmlOut out = new XmlOut("DERProgramList", Sep.NS, csipNs, href).attr("all", all).attr("results", results)
                    .attr("pollRate", pollRate);
            for (DerProgram p : programs) {
                out.start("DERProgram").attr("href", p.href());
                p.write(out);
                out.end();
            }
            return out.finish();
        }
    }
}
