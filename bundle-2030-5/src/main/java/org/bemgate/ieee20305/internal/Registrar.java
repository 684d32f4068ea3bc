package org.bemgate.ieee20305.internal;

import java.util.List;

import org.bemgate.ieee20305.internal.client.SepClient;
import org.bemgate.ieee20305.internal.client.SepException;
import org.bemgate.ieee20305.internal.codec.ConnectionPoint;
import org.bemgate.ieee20305.internal.codec.Der;
import org.bemgate.ieee20305.internal.codec.DeviceCapability;
import org.bemgate.ieee20305.internal.codec.EndDevice;
import org.bemgate.ieee20305.internal.codec.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one site as an aggregator, as envoy-client sketches it but as the standard and envoy
 * want it on the wire: find the site's EndDevice in the EndDeviceList by its LFDI (so a restart finds
 * it again) or POST it and follow {@code Location}; PUT DeviceInformation where the EndDevice links
 * one (envoy does not); take the DER the DERList holds (envoy's fixed {@code der/1}) or POST one; PUT
 * DERCapability, DERSettings and, when configured, DERStatus and DERAvailability; PUT the
 * ConnectionPoint unless it already holds the NMI. Any other status or invalid XML stops the
 * registration with a {@link SepException}; the site's state tells how far it got.
 */
final class Registrar {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final int[] WRITTEN = { 200, 201, 204 };

    private final Exchange exchange;
    private final String connector;
    private final String csipNs;

    Registrar(Exchange exchange, String connector, String csipNs) {
        this.exchange = exchange;
        this.connector = connector;
        this.csipNs = csipNs;
    }

    /**
     * Runs every step for one site.
     *
     * @param d the site's state; its hrefs are set as soon as they are known
     * @param dcap the server's DeviceCapability
     * @param now the server's time, seconds since the epoch
     * @return true if the EndDevice was created now, false if it was found
     */
    boolean register(DeviceState d, DeviceCapability dcap, long now) throws SepException, InterruptedException {
        DeviceSpec s = d.spec;
        boolean created = false;
        if (d.endDeviceHref == null) {
            d.endDeviceHref = find(dcap.endDeviceListLink(), s);
            if (d.endDeviceHref == null) {
                d.endDeviceHref = create(dcap.endDeviceListLink(), s, now);
                created = true;
            }
        }
        EndDevice edev = exchange.get(d.endDeviceHref, EndDevice::parse);
        if (edev.lfdi() != null && !edev.lfdi().equalsIgnoreCase(s.lfdi())) {
            throw new SepException(SepException.Kind.INVALID_REPLY, "GET " + d.endDeviceHref + ": the EndDevice has LFDI " + edev.lfdi()
                    + ", not " + s.lfdi(), 200);
        }
        deviceInformation(edev, s);
        d.derHref = der(edev);
        Der der = exchange.get(d.derHref, Der::parse);
        put(href(der.capabilityLink(), d.derHref, "dercap"), s.capability().toXml(csipNs));
        put(href(der.settingsLink(), d.derHref, "derg"), s.settingsAt(now).toXml(csipNs));
        if (s.status() != null) {
            put(href(der.statusLink(), d.derHref, "ders"), s.statusAt(now).toXml(csipNs));
        }
        if (s.availability() != null) {
            put(href(der.availabilityLink(), d.derHref, "dera"), s.availabilityAt(now).toXml(csipNs));
        }
        if (s.nmi() != null) {
            connectionPoint(edev, s.nmi());
        }
        return created;
    }

    private String find(Link list, DeviceSpec s) throws SepException, InterruptedException {
        List<EndDevice> all = exchange.list(list.href(), EndDevice.Page::parse, EndDevice.Page::devices, EndDevice.Page::all).items();
        for (EndDevice e : all) {
            if (s.lfdi().equalsIgnoreCase(e.lfdi())) {
                return e.href();
            }
        }
        for (EndDevice e : all) {
            if (e.sfdi() == s.sfdi()) {
                throw new SepException(SepException.Kind.INVALID_REPLY, "GET " + list.href() + ": SFDI " + s.sfdi() + " of '" + s.id()
                        + "' is taken by " + e.href() + " with LFDI " + e.lfdi() + "; give the device another lfdi", 200);
            }
        }
        return null;
    }

    private String create(Link list, DeviceSpec s, long now) throws SepException, InterruptedException {
        String body = EndDevice.toCreate(s.lfdi(), s.sfdi(), s.deviceCategory(), now, s.postRate()).toXml(csipNs);
        SepClient.Reply r = exchange.send("POST", list.href(), body, 201);
        if (r.location() == null || r.location().isBlank()) {
            throw new SepException(SepException.Kind.INVALID_REPLY, "POST " + list.href() + ": 201 without a Location header", 201);
        }
        LOG.info("2030.5 connector '{}': site '{}' registered as {} (LFDI {}, SFDI {})", connector, s.id(), r.location(), s.lfdi(),
                s.sfdi());
        return r.location();
    }

    private void deviceInformation(EndDevice edev, DeviceSpec s) throws SepException, InterruptedException {
        if (s.information() == null) {
            return;
        }
        if (edev.deviceInformationLink() == null) {
            LOG.debug("2030.5 connector '{}': {} links no DeviceInformation (envoy has none); it is not sent", connector, edev.href());
            return;
        }
        SepClient.Reply r = exchange.send("PUT", edev.deviceInformationLink().href(), s.information().toXml(csipNs), 200, 201, 204, 404,
                405);
        if (r.status() >= 400) {
            LOG.info("2030.5 connector '{}': the server does not take DeviceInformation at {} (HTTP {}); registration goes on",
                    connector, edev.deviceInformationLink().href(), r.status());
        }
    }

    private String der(EndDevice edev) throws SepException, InterruptedException {
        if (edev.derListLink() == null) {
            throw new SepException(SepException.Kind.INVALID_REPLY, "GET " + edev.href() + ": the EndDevice has no DERListLink", 200);
        }
        String list = edev.derListLink().href();
        List<Der> ders = exchange.list(list, Der.Page::parse, Der.Page::ders, Der.Page::all).items();
        if (!ders.isEmpty()) {
            if (ders.get(0).href() == null) {
                throw new SepException(SepException.Kind.INVALID_REPLY, "GET " + list + ": a DER without href", 200);
            }
            return ders.get(0).href();
        }
        SepClient.Reply r = exchange.send("POST", list, Der.empty().toXml(csipNs), 201);
        if (r.location() == null) {
            throw new SepException(SepException.Kind.INVALID_REPLY, "POST " + list + ": 201 without a Location header", 201);
        }
        return r.location();
    }

    private void connectionPoint(EndDevice edev, String nmi) throws SepException, InterruptedException {
        String href = href(edev.connectionPointLink(), edev.href(), "cp");
        ConnectionPoint now = exchange.getOrNull(href, ConnectionPoint::parse);
        if (now != null && nmi.equals(now.connectionPointId())) {
            return;
        }
        put(href, new ConnectionPoint(null, nmi).toXml(csipNs));
    }

    private void put(String href, String body) throws SepException, InterruptedException {
        exchange.send("PUT", href, body, WRITTEN);
    }

    /** The linked href, or the one envoy and the standard's examples use under the parent. */
    private static String href(Link link, String parent, String name) {
        return link != null ? link.href() : parent + "/" + name;
    }
}
