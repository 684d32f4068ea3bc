package org.bemgate.ieee20305.internal.codec;

/**
 * {@code /tm}: the server's clock, which a client follows.
 *
 * @param href its URI
 * @param pollRate seconds, or null
 * @param currentTime seconds since the epoch, UTC
 * @param dstEndTime seconds
 * @param dstOffset seconds
 * @param dstStartTime seconds
 * @param localTime seconds, or null
 * @param quality the clock's quality (3 … 7)
 * @param tzOffset seconds east of UTC
 */
public record SepTime(String href, Integer pollRate, long currentTime, long dstEndTime, long dstOffset, long dstStartTime,
        Long localTime, int quality, long tzOffset) {

    public static SepTime parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "Time");
        return new SepTime(in.href(), in.intAttr("pollRate"), in.reqLong("currentTime"), in.reqLong("dstEndTime"),
                in.reqLong("dstOffset"), in.reqLong("dstStartTime"), in.optLong("localTime"), in.reqInt("quality"), in.reqLong("tzOffset"));
    }

    public String toXml(String csipNs) {
        return new XmlOut("Time", Sep.NS, csipNs, href).attr("pollRate", pollRate).text("currentTime", currentTime)
                .text("dstEndTime", dstEndTime).text("dstOffset", dstOffset).text("dstStartTime", dstStartTime)
                .text("localTime", localTime).text("quality", quality).text("tzOffset", tzOffset).finish();
    }
}
