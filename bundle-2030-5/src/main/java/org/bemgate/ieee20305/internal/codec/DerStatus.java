package org.bemgate.ieee20305.internal.codec;

/**
 * DERStatus: what the DER is doing; {@code readingTime} is required. Each status value is written
 * with {@code readingTime} as its {@code dateTime}.
 *
 * @param href its URI, or null
 * @param genConnectStatus ConnectStatusType bits (0 connected, 1 available, 2 operating, 3 test, 4 fault), or null
 * @param inverterStatus InverterStatusType, or null
 * @param operationalModeStatus 0 not applicable, 1 off, 2 operational mode, 3 test mode; or null
 * @param readingTime seconds since the epoch
 * @param stateOfChargeStatus hundredths of a percent, or null
 * @param storConnectStatus ConnectStatusType bits of the storage, or null
 */
public record DerStatus(String href, Long genConnectStatus, Integer inverterStatus, Integer operationalModeStatus, long readingTime,
        Integer stateOfChargeStatus, Long storConnectStatus) {

    public static DerStatus parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "DERStatus");
        return new DerStatus(in.href(), hexValue(in.child("genConnectStatus")), value(in.child("inverterStatus")),
                value(in.child("operationalModeStatus")), in.reqLong("readingTime"), value(in.child("stateOfChargeStatus")),
                hexValue(in.child("storConnectStatus")));
    }

    public String toXml(String csipNs) {
        XmlOut out = new XmlOut("DERStatus", Sep.NS, csipNs, href);
        if (genConnectStatus != null) {
            out.start("genConnectStatus").text("dateTime", readingTime).hex("value", genConnectStatus).end();
        }
        status(out, "inverterStatus", inverterStatus);
        status(out, "operationalModeStatus", operationalModeStatus);
        out.text("readingTime", readingTime);
        status(out, "stateOfChargeStatus", stateOfChargeStatus);
        if (storConnectStatus != null) {
            out.start("storConnectStatus").text("dateTime", readingTime).hex("value", storConnectStatus).end();
        }
        return out.finish();
    }

    private void status(XmlOut out, String name, Integer value) {
        if (value != null) {
            out.start(name).text("dateTime", readingTime).text("value", value).end();
        }
    }

    private static Integer value(XmlIn status) throws InvalidXmlException {
        return status == null ? null : status.reqInt("value");
    }

    private static Long hexValue(XmlIn status) throws InvalidXmlException {
        if (status == null) {
            return null;
        }
        Long v = status.optHex("value");
        if (v == null) {
            throw new InvalidXmlException(status.path() + "/value is missing");
        }
        return v;
    }
}
