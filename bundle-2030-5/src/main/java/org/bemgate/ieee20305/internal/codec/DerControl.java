package org.bemgate.ieee20305.internal.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A scheduled DERControl: an event with an interval and the modes that apply during it.
 *
 * @param href its URI
 * @param mrid its mRID
 * @param description or null
 * @param creationTime seconds since the epoch; a newer control supersedes an older one
 * @param currentStatus EventStatus: 0 scheduled, 1 active, 2 cancelled, 3 cancelled with randomization, 4 superseded
 * @param statusTime when the status was set, seconds
 * @param potentiallySuperseded whether another control may overlap it
 * @param start interval start, seconds since the epoch
 * @param duration interval length, seconds
 * @param randomizeDuration seconds, or null
 * @param randomizeStart seconds, or null
 * @param base the modes
 */
public record DerControl(String href, String mrid, String description, long creationTime, int currentStatus, long statusTime,
        boolean potentiallySuperseded, long start, long duration, Integer randomizeDuration, Integer randomizeStart,
        DerControlBase base) {

    /** @return true if cancelled or superseded: never to be applied */
    public boolean withdrawn() {
        return currentStatus >= 2;
    }

    /** @return the interval's end, seconds since the epoch (exclusive) */
    public long end() {
        return start + duration;
    }

    static DerControl read(XmlIn in) throws InvalidXmlException {
        XmlIn status = in.required("EventStatus");
        XmlIn interval = in.required("interval");
        Boolean superseded = status.optBool("potentiallySuperseded");
        return new DerControl(in.href(), in.reqText("mRID"), in.optText("description"), in.reqLong("creationTime"),
                status.reqInt("currentStatus"), status.reqLong("dateTime"), superseded != null && superseded, interval.reqLong("start"),
                interval.reqLong("duration"), in.optInt("randomizeDuration"), in.optInt("randomizeStart"),
                DerControlBase.read(in.required("DERControlBase")));
    }

    public static DerControl parse(String body) throws InvalidXmlException {
        return read(XmlIn.parse(body, "DERControl"));
    }

    void write(XmlOut out) {
        out.text("mRID", mrid).text("description", description).text("creationTime", creationTime).start("EventStatus")
                .text("currentStatus", currentStatus).text("dateTime", statusTime).text("potentiallySuperseded", potentiallySuperseded)
                .end().start("interval").text("duration", duration).text("start", start).end().text("randomizeDuration", randomizeDuration)
                .text("randomizeStart", randomizeStart);
        base.write(out);
    }

    /**
     * A DERControlList page (also ActiveDERControlList).
     *
     * @param href its URI
     * @param all the list's size
     * @param results this page's size
     * @param controls the page
     */
    public record Page(String href, int all, int results, List<DerControl> controls) {

        public static Page parse(String body) throws InvalidXmlException {
            XmlIn in = XmlIn.parse(body, "DERControlList");
            List<DerControl> controls = new ArrayList<>();
            for (XmlIn c : in.children("DERControl")) {
                controls.add(read(c));
            }
            return new Page(in.href(), EndDevice.required(in, "all"), EndDevice.required(in, "results"), List.copyOf(controls));
        }

        public String toXml(String csipNs) {
            XmlOut out = new XmlOut("DERControlList", Sep.NS, csipNs, href).attr("all", all).attr("results", results);
            for (DerControl c : controls) {
                out.start("DERControl").attr("href", c.href());
                c.write(out);
                out.end();
            }
            return out.finish();
        }
    }
}
