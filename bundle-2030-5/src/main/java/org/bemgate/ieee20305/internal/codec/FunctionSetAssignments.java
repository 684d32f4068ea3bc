package org.bemgate.ieee20305.internal.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A FunctionSetAssignments: which DER programs (and time) apply to an EndDevice.
 *
 * @param href its URI
 * @param mrid its mRID (HexBinary128)
 * @param description or null
 * @param derProgramListLink or null
 * @param timeLink or null
 */
public record FunctionSetAssignments(String href, String mrid, String description, Link derProgramListLink, Link timeLink) {

    static FunctionSetAssignments read(XmlIn in) throws InvalidXmlException {
        return new FunctionSetAssignments(in.href(), in.reqText("mRID"), in.optText("description"), in.link("DERProgramListLink"),
                in.link("TimeLink"));
    }

    public static FunctionSetAssignments parse(String body) throws InvalidXmlException {
        return read(XmlIn.parse(body, "FunctionSetAssignments"));
    }

    void write(XmlOut out) {
        out.link("DERProgramListLink", derProgramListLink).link("TimeLink", timeLink).text("mRID", mrid).text("description", description);
    }

    /**
     * A FunctionSetAssignmentsList page.
     *
     * @param href its URI
     * @param all the list's size
     * @param results this page's size
     * @param pollRate seconds, or null
     * @param items the page
     */
    public record Page(String href, int all, int results, Integer pollRate, List<FunctionSetAssignments> items) {

        public static Page parse(String body) throws InvalidXmlException {
            XmlIn in = XmlIn.parse(body, "FunctionSetAssignmentsList");
            List<FunctionSetAssignments> items = new ArrayList<>();
            for (XmlIn f : in.children("FunctionSetAssignments")) {
                items.add(read(f));
            }
            return new Page(in.href(), EndDevice.required(in, "all"), EndDevice.required(in, "results"), in.intAttr("pollRate"),
                    List.copyOf(items));
        }

        public String toXml(String csipNs) {
            XmlOut out = new XmlOut("FunctionSetAssignmentsList", Sep.NS, csipNs, href).attr("all", all).attr("results", results)
                    .attr("pollRate", pollRate);
            for (FunctionSetAssignments f : items) {
                out.start("FunctionSetAssignments").attr("href", f.href());
                f.write(out);
                out.end();
            }
            return out.finish();
        }
    }
}
