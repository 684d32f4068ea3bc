package org.bemgate.ieee20305.internal.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A DER under an EndDevice: links to its capability, settings, status, availability and programs.
 *
 * @param href its URI
 * @param associatedDerProgramListLink or null
 * @param associatedUsagePointLink or null
 * @param currentDerProgramLink or null
 * @param availabilityLink DERAvailabilityLink, or null
 * @param capabilityLink DERCapabilityLink, or null
 * @param settingsLink DERSettingsLink, or null
 * @param statusLink DERStatusLink, or null
 */
public record Der(String href, Link associatedDerProgramListLink, Link associatedUsagePointLink, Link currentDerProgramLink,
        Link availabilityLink, Link capabilityLink, Link settingsLink, Link statusLink) {

    /** @return an empty DER, the body of a POST to a DERList */
    public static Der empty() {
        return new Der(null, null, null, null, null, null, null, null);
    }

    public static Der parse(String body) throws InvalidXmlException {
        return read(XmlIn.parse(body, "DER"));
    }

    static Der read(XmlIn in) throws InvalidXmlException {
        return new Der(in.href(), in.link("AssociatedDERProgramListLink"), in.link("AssociatedUsagePointLink"),
                in.link("CurrentDERProgramLink"), in.link("DERAvailabilityLink"), in.link("DERCapabilityLink"), in.link("DERSettingsLink"),
                in.link("DERStatusLink"));
    }

    public String toXml(String csipNs) {
        XmlOut out = new XmlOut("DER", Sep.NS, csipNs, href);
        write(out);
        return out.finish();
    }

    void write(XmlOut out) {
        out.link("AssociatedDERProgramListLink", associatedDerProgramListLink).link("AssociatedUsagePointLink", associatedUsagePointLink)
                .link("CurrentDERProgramLink", currentDerProgramLink).link("DERAvailabilityLink", availabilityLink)
                .link("DERCapabilityLink", capabilityLink).link("DERSettingsLink", settingsLink).link("DERStatusLink", statusLink);
    }

    /**
     * A DERList page.
     *
     * @param href its URI
     * @param all the list's size
     * @param results this page's size
     * @param pollRate seconds, or null
     * @param ders the page
     */
    public record Page(String href, int all, int results, Integer pollRate, List<Der> ders) {

        public static Page parse(String body) throws InvalidXmlException {
            XmlIn in = XmlIn.parse(body, "DERList");
            List<Der> ders = new ArrayList<>();
            for (XmlIn d : in.children("DER")) {
                ders.add(read(d));
            }
            return new Page(in.href(), EndDevice.required(in, "all"), EndDevice.required(in, "results"), in.intAttr("pollRate"),
                    List.copyOf(ders));
        }

        public String toXml(String csipNs) {
            XmlOut out = new XmlOut("DERList", Sep.NS, csipNs, href).attr("all", all).attr("results", results).attr("pollRate", pollRate);
            for (Der d : ders) {
                out.start("DER").attr("href", d.href());
                d.write(out);
                out.end();
            }
            return out.finish();
        }
    }
}
