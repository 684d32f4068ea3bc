package org.bemgate.ieee20305.internal.codec;

/**
 * A device's DeviceInformation; every element but {@code gpsLocation} and {@code mfInfo} is required.
 *
 * @param href its URI, or null
 * @param lat latitude as text, or null (then lon is ignored)
 * @param lon longitude as text
 * @param lfdi the device's LFDI, 40 hex digits (never decimal)
 * @param mfDate manufacture date, seconds since the epoch
 * @param mfHwVer hardware version
 * @param mfId the manufacturer's IANA PEN
 * @param mfInfo free text, or null
 * @param mfModel the model
 * @param mfSerNum the serial number
 * @param primaryPower PowerSourceType: 0 none, 1 mains, 2 battery, 3 local generation, 4 emergency, 5 unknown
 * @param secondaryPower the same for the secondary source
 * @param swActTime when the software was activated, seconds since the epoch
 * @param swVer the software version
 */
public record DeviceInformation(String href, String lat, String lon, String lfdi, long mfDate, String mfHwVer, long mfId,
        String mfInfo, String mfModel, String mfSerNum, int primaryPower, int secondaryPower, long swActTime, String swVer) {

    public static DeviceInformation parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "DeviceInformation");
        XmlIn gps = in.child("gpsLocation");
        return new DeviceInformation(in.href(), gps == null ? null : gps.reqText("lat"), gps == null ? null : gps.reqText("lon"),
                in.reqText("lFDI"), in.reqLong("mfDate"), in.reqText("mfHwVer"), in.reqLong("mfID"), in.optText("mfInfo"),
                in.reqText("mfModel"), in.reqText("mfSerNum"), in.reqInt("primaryPower"), in.reqInt("secondaryPower"),
                in.reqLong("swActTime"), in.reqText("swVer"));
    }

    public String toXml(String csipNs) {
        XmlOut out = new XmlOut("DeviceInformation", Sep.NS, csipNs, href);
        if (lat != null) {
            out.start("gpsLocation").text("lat", lat).text("lon", lon).end();
        }
        return out.text("lFDI", lfdi).text("mfDate", mfDate).text("mfHwVer", mfHwVer).text("mfID", mfId).text("mfInfo", mfInfo)
                .text("mfModel", mfModel).text("mfSerNum", mfSerNum).text("primaryPower", primaryPower)
                .text("secondaryPower", secondaryPower).text("swActTime", swActTime).text("swVer", swVer).finish();
    }
}
