package org.bemgate.ieee20305.internal.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * An EndDevice: a site (or the aggregator itself). {@code sFDI} and {@code changedTime} are required;
 * {@code deviceCategory} is hexadecimal (bit 18, virtual or mixed DER, is {@code 040000}).
 *
 * @param href its URI, null in a POST
 * @param derListLink its DERList
 * @param deviceCategory the DeviceCategoryType bits, or null
 * @param deviceInformationLink where DeviceInformation goes, or null (envoy has none)
 * @param lfdi 40 hex digits, or null
 * @param logEventListLink its LogEventList
 * @param sfdi the SFDI with its check digit
 * @param changedTime seconds since the epoch
 * @param enabled whether the server considers it enabled
 * @param functionSetAssignmentsListLink its FunctionSetAssignmentsList
 * @param postRate seconds, or null
 * @param registrationLink its Registration
 * @param subscriptionListLink its SubscriptionList
 * @param connectionPointLink CSIP-AUS: its ConnectionPoint
 */
public record EndDevice(String href, Link derListLink, Long deviceCategory, Link deviceInformationLink, String lfdi,
        Link logEventListLink, long sfdi, long changedTime, Boolean enabled, Link functionSetAssignmentsListLink, Long postRate,
        Link registrationLink, Link subscriptionListLink, Link connectionPointLink) {

    /** @return the body of a POST that creates an aggregator-managed device */
    public static EndDevice toCreate(String lfdi, long sfdi, Long deviceCategory, long changedTime, Long postRate) {
        return new EndDevice(null, null, deviceCategory, null, lfdi, null, sfdi, changedTime, true, null, postRate, null, null, null);
    }

    public static EndDevice parse(String body) throws InvalidXmlException {
        return read(XmlIn.parse(body, "EndDevice"));
    }

    static EndDevice read(XmlIn in) throws InvalidXmlException {
        return new EndDevice(in.href(), in.link("DERListLink"), in.optHex("deviceCategory"), in.link("DeviceInformationLink"),
                in.optText("lFDI"), in.link("LogEventListLink"), in.reqLong("sFDI"), in.reqLong("changedTime"), in.optBool("enabled"),
                in.link("FunctionSetAssignmentsListLink"), in.optLong("postRate"), in.link("RegistrationLink"),
                in.link("SubscriptionListLink"), in.csipLink("ConnectionPointLink"));
    }

    public String toXml(String csipNs) {
        XmlOut out = new XmlOut("EndDevice", Sep.NS, csipNs, href);
        write(out);
        return out.finish();
    }

    void write(XmlOut out) {
        out.link("DERListLink", derListLink).hex("deviceCategory", deviceCategory).link("DeviceInformationLink", deviceInformationLink)
                .text("lFDI", lfdi).link("LogEventListLink", logEventListLink).text("sFDI", sfdi).text("changedTime", changedTime)
                .text("enabled", enabled).link("FunctionSetAssignmentsListLink", functionSetAssignmentsListLink).text("postRate", postRate)
                .link("RegistrationLink", registrationLink).link("SubscriptionListLink", subscriptionListLink)
                .csipLink("ConnectionPointLink", connectionPointLink);
    }

    /**
     * One page of {@code /edev}.
     *
     * @param href its URI
     * @param all how many the whole list holds
     * @param results how many this page holds
     * @param pollRate seconds, or null
     * @param devices the page
     */
    public record Page(String href, int all, int results, Integer pollRate, List<EndDevice> devices) {

        public static Page parse(String body) throws InvalidXmlException {
            XmlIn in = XmlIn.parse(body, "EndDeviceList");
            List<EndDevice> devices = new ArrayList<>();
            for (XmlIn d : in.children("EndDevice")) {
                devices.add(read(d));
            }
            return new Page(in.href(), required(in, "all"), required(in, "results"), in.intAttr("pollRate"), List.copyOf(devices));
        }

        public String toXml(String csipNs) {
            XmlOut out = new XmlOut("EndDeviceList", Sep.NS, csipNs, href).attr("all", all).attr("results", results)
                    .attr("pollRate", pollRate);
            for (EndDevice d : devices) {
                out.start("EndDevice").attr("href", d.href());
                d.write(out);
                out.end();
            }
            return out.finish();
        }
    }

    static int required(XmlIn in, String attr) throws InvalidXmlException {
        Integer v = in.intAttr(attr);
        if (v == null) {
            throw new InvalidXmlException(in.path() + "@" + attr + " is missing");
        }
        return v;
    }
}
