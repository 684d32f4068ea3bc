package org.bemgate.ieee20305.internal.codec;

/**
 * {@code /dcap}: where the function sets are.
 *
 * @param href its URI
 * @param pollRate seconds between reads the server asks for, or null
 * @param timeLink the Time resource, or null
 * @param endDeviceListLink the EndDeviceList, or null
 * @param mirrorUsagePointListLink the MirrorUsagePointList, or null
 * @param selfDeviceLink the SelfDevice, or null
 */
public record DeviceCapability(String href, Integer pollRate, Link timeLink, Link endDeviceListLink, Link mirrorUsagePointListLink,
        Link selfDeviceLink) {

    public static DeviceCapability parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "DeviceCapability");
        return new DeviceCapability(in.href(), in.intAttr("pollRate"), in.link("TimeLink"), in.link("EndDeviceListLink"),
                in.link("MirrorUsagePointListLink"), in.link("SelfDeviceLink"));
    }

    public String toXml(String csipNs) {
        return new XmlOut("DeviceCapability", Sep.NS, csipNs, href).attr("pollRate", pollRate).link("TimeLink", timeLink)
                .link("EndDeviceListLink", endDeviceListLink).link("MirrorUsagePointListLink", mirrorUsagePointListLink)
                .link("SelfDeviceLink", selfDeviceLink).finish();
    }
}
