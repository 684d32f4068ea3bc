package org.bemgate.ieee20305.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/**
 * Every resource written and read back equal, in both CSIP-AUS namespaces; the wire details the
 * reference insists on (namespaces, hexadecimal types, element order); and bodies written the way
 * other servers write them.
 */
public class CodecRoundTripTest {

    private static final String LFDI = "3E4F45AB31EDFE5B67E343E5E4562E31984E23E5";
    private static final DerControlBase ALL_MODES = new DerControlBase(false, true, -2500, 5000, Power.of(1500), 300, Power.of(10_000),
            Power.of(1_500), Power.of(50_000), Power.of(0));

    @Test
    public void deviceCapability() throws Exception {
        DeviceCapability d = new DeviceCapability("/dcap", 300, Link.to("/tm"), new Link("/edev", 3), new Link("/mup", 0), null);
        assertEquals(d, DeviceCapability.parse(d.toXml(Sep.CSIPAUS_V12)));
    }

    @Test
    public void endDeviceAndItsList() throws Exception {
        for (String ns : Sep.CSIPAUS_ANY) {
            EndDevice e = new EndDevice("/edev/3", new Link("/edev/3/der", 1), 0x040000L, null, LFDI, Link.to("/edev/3/lel"), 167261211391L,
                    1_700_000_000L, true, new Link("/edev/3/fsa", 1), 60L, Link.to("/edev/3/rg"), null, Link.to("/edev/3/cp"));
            assertEquals(e, EndDevice.parse(e.toXml(ns)));
            EndDevice.Page page = new EndDevice.Page("/edev", 2, 2, 60, List.of(e, EndDevice.toCreate(LFDI, 1, null, 5, null)));
            assertEquals(page, EndDevice.Page.parse(page.toXml(ns)));
        }
    }

    @Test
    public void thePostedEndDeviceIsNamespacedWithHexCategoryAndLfdi() throws Exception {
        String xml = EndDevice.toCreate(LFDI, 167261211391L, 0x040000L, 1_700_000_000L, null).toXml(Sep.CSIPAUS_V12);
        assertTrue(xml, xml.contains("<EndDevice xmlns=\"urn:ieee:std:2030.5:ns\""));
        assertTrue(xml, xml.contains("<deviceCategory>040000</deviceCategory><lFDI>" + LFDI + "</lFDI><sFDI>167261211391</sFDI>"
                + "<changedTime>1700000000</changedTime><enabled>true</enabled>"));
    }

    @Test
    public void deviceInformation() throws Exception {
        DeviceInformation d = new DeviceInformation("/edev/3/di", "-35.0", "144.0", LFDI, 0, "hw1", 1234567, "Acme Corp", "Acme 2000",
                "ACME1234", 1, 0, 0, "1.0");
        assertEquals(d, DeviceInformation.parse(d.toXml(Sep.CSIPAUS_V12)));
        assertTrue("the LFDI is hexadecimal, never decimal", d.toXml(Sep.CSIPAUS_V12).contains("<lFDI>" + LFDI + "</lFDI>"));
    }

    @Test
    public void derResources() throws Exception {
        for (String ns : Sep.CSIPAUS_ANY) {
            DerCapability cap = new DerCapability(null, 0x10000C, Power.of(5000), Power.of(5000), Power.of(6000), Power.of(3000),
                    Power.of(5000), Power.of(13_500), 83, 0x0FL);
            assertEquals(cap, DerCapability.parse(cap.toXml(ns)));
            DerSettings set = new DerSettings("/edev/1/der/1/derg", 0x10000CL, 27, null, null, null, Power.of(5000), null, 1_700_000_000L,
                    0x0FL);
            assertEquals(set, DerSettings.parse(set.toXml(ns)));
            DerStatus st = new DerStatus(null, 0x07L, 4, 2, 1_700_000_000L, 5550, 0x01L);
            assertEquals(st, DerStatus.parse(st.toXml(ns)));
            DerAvailability av = new DerAvailability(null, 3600L, null, 1_700_000_000L, null, 2000, null, Power.of(4000));
            assertEquals(av, DerAvailability.parse(av.toXml(ns)));
            Der der = new Der("/edev/1/der/1", new Link("/edev/1/der/1/derp", 1), null, Link.to("/edev/1/derp/1"),
                    Link.to("/edev/1/der/1/dera"), Link.to("/edev/1/der/1/dercap"), Link.to("/edev/1/der/1/derg"),
                    Link.to("/edev/1/der/1/ders"));
            assertEquals(der, Der.parse(der.toXml(ns)));
            Der.Page ders = new Der.Page("/edev/1/der", 1, 1, 60, List.of(der));
            assertEquals(ders, Der.Page.parse(ders.toXml(ns)));
        }
    }

    @Test
    public void theCapabilityFollowsTheXsdOrderWithTheCsipAusExtensionLast() {
        DerCapability cap = new DerCapability(null, 0x10000C, null, null, null, null, Power.of(5000), null, 83, 0x0FL);
        String xml = cap.toXml(Sep.CSIPAUS_V13);
        assertTrue(xml, xml.contains("xmlns:csipaus=\"https://csipaus.org/ns/v1.3\""));
        assertTrue(xml, xml.contains("<modesSupported>10000C</modesSupported><rtgMaxW><multiplier>0</multiplier><value>5000</value>"
                + "</rtgMaxW><type>83</type><csipaus:doeModesSupported>0F</csipaus:doeModesSupported>"));
    }

    @Test
    public void connectionPointInBothNamespacesAndTheLegacyIdElement() throws Exception {
        ConnectionPoint cp = new ConnectionPoint(null, "NMI1234567");
        assertEquals(cp, ConnectionPoint.parse(cp.toXml(Sep.CSIPAUS_V12)));
        assertEquals(cp, ConnectionPoint.parse(cp.toXml(Sep.CSIPAUS_V13)));
        assertTrue(cp.toXml(Sep.CSIPAUS_V12).contains("<ConnectionPoint xmlns=\"https://csipaus.org/ns\"><connectionPointId>NMI1234567"));
        assertEquals("NMI9", ConnectionPoint.parse("<ConnectionPoint xmlns=\"https://csipaus.org/ns\"><id>NMI9</id></ConnectionPoint>")
                .connectionPointId());
        assertThrows(InvalidXmlException.class, () -> ConnectionPoint.parse("<ConnectionPoint><connectionPointId>N</connectionPointId>"
                + "</ConnectionPoint>"));
    }

    @Test
    public void functionSetAssignmentsAndPrograms() throws Exception {
        FunctionSetAssignments fsa = new FunctionSetAssignments("/edev/1/fsa/1", "0F", "FSA", new Link("/edev/1/fsa/1/derp", 1),
                Link.to("/tm"));
        FunctionSetAssignments.Page fsas = new FunctionSetAssignments.Page("/edev/1/fsa", 1, 1, 120, List.of(fsa));
        assertEquals(fsas, FunctionSetAssignments.Page.parse(fsas.toXml(Sep.CSIPAUS_V12)));
        DerProgram p = new DerProgram("/edev/1/derp/1", "D1", "DOE", new Link("/edev/1/derp/1/actderc", 0), Link.to("/edev/1/derp/1/dderc"),
                new Link("/edev/1/derp/1/derc", 2), null, 1);
        DerProgram.Page programs = new DerProgram.Page("/edev/1/fsa/1/derp", 1, 1, 60, List.of(p));
        assertEquals(programs, DerProgram.Page.parse(programs.toXml(Sep.CSIPAUS_V12)));
        assertEquals(p, DerProgram.parse(programs.toXml(Sep.CSIPAUS_V12).replaceAll("</?DERProgramList[^>]*>", "")
                .replace("<DERProgram ", "<DERProgram xmlns=\"urn:ieee:std:2030.5:ns\" xmlns:csipaus=\"https://csipaus.org/ns\" ")));
    }

    @Test
    public void controlsWithEveryMode() throws Exception {
        for (String ns : Sep.CSIPAUS_ANY) {
            DefaultDerControl d = new DefaultDerControl("/edev/1/derp/1/dderc", "AB", "default", ALL_MODES, 27);
            assertEquals(d, DefaultDerControl.parse(d.toXml(ns)));
            DerControl c = new DerControl("/edev/1/derp/1/derc/1", "CD", "evening", 1_700_000_000L, 1, 1_700_000_000L, false,
                    1_700_003_600L, 1800, null, 60, ALL_MODES);
            DerControl none = new DerControl(null, "EF", null, 1, 0, 1, true, 2, 3, null, null, DerControlBase.NONE);
            DerControl.Page list = new DerControl.Page("/edev/1/derp/1/derc", 2, 2, List.of(c, none));
            assertEquals(list, DerControl.Page.parse(list.toXml(ns)));
        }
    }

    @Test
    public void time() throws Exception {
        SepTime t = new SepTime("/tm", 900, 1_700_000_000L, 0, 0, 0, 1_700_036_000L, 4, 36_000);
        assertEquals(t, SepTime.parse(t.toXml(Sep.CSIPAUS_V12)));
    }

    @Test
    public void powerKeepsItsValueInInt16WithAMultiplier() {
        assertEquals(new Power(5000, 0), Power.of(5000));
        assertEquals(new Power(5000, 1), Power.of(50_000));
        assertEquals(new Power(-32000, 1), Power.of(-320_000));
        assertEquals(50_000L, new Power(5000, 1).number());
        assertEquals(0.5, new Power(5, -1).number());
    }

    @Test
    public void bodiesAsOtherServersWriteThem() throws Exception {
        // a prefix instead of a default namespace, odd-length hex, csipaus v1.3, unknown elements, whitespace
        String xml = "<?xml version='1.0'?>\n<sep:EndDevice xmlns:sep='urn:ieee:std:2030.5:ns' xmlns:c='https://csipaus.org/ns/v1.3' "
                + "href='/edev/7' subscribable='1'>\n  <sep:DERListLink href='/edev/7/der' all='1'/>\n  <sep:deviceCategory>40000"
                + "</sep:deviceCategory>\n  <sep:lFDI>abc</sep:lFDI><sep:sFDI> 1234 </sep:sFDI><sep:changedTime>5</sep:changedTime>"
                + "<sep:somethingNew>x</sep:somethingNew><c:ConnectionPointLink href='/edev/7/cp'/></sep:EndDevice>";
        EndDevice e = EndDevice.parse(xml);
        assertEquals(0x40000L, (long) e.deviceCategory());
        assertEquals(1234, e.sfdi());
        assertEquals("/edev/7/cp", e.connectionPointLink().href());
        assertNull(e.deviceInformationLink());
    }

    @Test
    public void invalidBodiesNameWhatIsWrong() {
        assertEquals("not well-formed XML where EndDevice was expected",
                assertThrows(InvalidXmlException.class, () -> EndDevice.parse("<EndDevice xmlns='urn:ieee:std:2030.5:ns'><sFDI>1</sF"))
                        .getMessage().replaceAll(":.*", ""));
        assertEquals("EndDevice/changedTime is missing", assertThrows(InvalidXmlException.class,
                () -> EndDevice.parse("<EndDevice xmlns='urn:ieee:std:2030.5:ns'><sFDI>1</sFDI></EndDevice>")).getMessage());
        assertEquals("expected EndDevice in urn:ieee:std:2030.5:ns, got EndDevice without a namespace", assertThrows(
                InvalidXmlException.class, () -> EndDevice.parse("<EndDevice><sFDI>1</sFDI><changedTime>0</changedTime></EndDevice>"))
                        .getMessage());
        assertEquals("EndDevice/sFDI: 'x' is not an integer", assertThrows(InvalidXmlException.class,
                () -> EndDevice.parse("<EndDevice xmlns='urn:ieee:std:2030.5:ns'><sFDI>x</sFDI><changedTime>0</changedTime></EndDevice>"))
                        .getMessage());
        assertEquals("EndDeviceList@all is missing", assertThrows(InvalidXmlException.class,
                () -> EndDevice.Page.parse("<EndDeviceList xmlns='urn:ieee:std:2030.5:ns' results='0'/>")).getMessage());
        assertTrue(assertThrows(InvalidXmlException.class, () -> EndDevice.parse("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + "<EndDevice xmlns='urn:ieee:std:2030.5:ns'><sFDI>&e;</sFDI></EndDevice>")).getMessage().contains("DOCTYPE"));
        assertThrows(InvalidXmlException.class, () -> EndDevice.parse(""));
    }
}
