package org.bemgate.ieee20305.internal.codec;

/**
 * CSIP-AUS ConnectionPoint: the site's NMI as {@code connectionPointId}. The root is in the CSIP-AUS
 * namespace; the legacy {@code id} element (CSIP-AUS 1.1) is read too.
 *
 * @param href its URI, or null
 * @param connectionPointId the NMI
 */
public record ConnectionPoint(String href, String connectionPointId) {

    public static ConnectionPoint parse(String body) throws InvalidXmlException {
        XmlIn in = XmlIn.parse(body, "ConnectionPoint", Sep.CSIPAUS_ANY);
        XmlIn id = in.csipChild("connectionPointId");
        if (id == null) {
            id = in.csipChild("id");
        }
        if (id == null) {
            throw new InvalidXmlException("ConnectionPoint/connectionPointId is missing");
        }
        return new ConnectionPoint(in.href(), id.text());
    }

    public String toXml(String csipNs) {
        return new XmlOut("ConnectionPoint", csipNs, csipNs, href).csipText("connectionPointId", connectionPointId).finish();
    }
}
