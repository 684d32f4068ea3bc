package org.bemgate.simulators.ieee20305;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The simulated envoy server over plain HTTP: its URIs, status codes and bodies as the reference records them. */
public class Ieee20305SimulatorTest {

    private static final String AGG = "68003FFD213C6FC3BE39673CFEAD8CD1F0C7F812";
    private static final String SITE = "1111111111222222222233333333334444444444";
    private static final String NS = "xmlns=\"urn:ieee:std:2030.5:ns\"";

    private final AtomicLong clock = new AtomicLong(1_772_359_200L);
    private final HttpClient http = HttpClient.newHttpClient();
    private SepServerState state;
    private Ieee20305Simulator sim;

    @Before
    public void setUp() throws Exception {
        state = new SepServerState(clock::get).aggregator(AGG);
        sim = new Ieee20305Simulator("127.0.0.1", 0, state).start();
    }

    @After
    public void tearDown() {
        sim.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String lfdi) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (lfdi != null) {
            b.header("x-forwarded-client-cert", lfdi);
        }
        if (body != null) {
            b.header("Content-Type", "application/sep+xml");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, AGG);
    }

    private static String endDevice(String lfdi, long sfdi) {
        return "<EndDevice " + NS + "><deviceCategory>040000</deviceCategory><lFDI>" + lfdi + "</lFDI><sFDI>" + sfdi
                + "</sFDI><changedTime>0</changedTime><enabled>true</enabled></EndDevice>";
    }

    @Test
    public void anUnknownOrMissingIdentityIs403() throws Exception {
        assertEquals(403, send("GET", "/dcap", null, null).statusCode());
        assertEquals(403, send("GET", "/dcap", null, SITE).statusCode());
        HttpResponse<String> ok = send("GET", "/dcap", null);
        assertEquals(200, ok.statusCode());
        assertEquals("application/sep+xml", ok.headers().firstValue("Content-Type").orElse(""));
        assertTrue(ok.body(), ok.body().contains("<EndDeviceListLink href=\"/edev\" all=\"1\"/>"));
        assertTrue(ok.body(), ok.body().contains("pollRate=\"60\""));
    }

    @Test
    public void endDevicesAreCreatedFollowedAndListedAsEnvoyDoes() throws Exception {
        HttpResponse<String> created = send("POST", "/edev", endDevice(SITE, 114532461131L));
        assertEquals(201, created.statusCode());
        assertEquals("/edev/1", created.headers().firstValue("Location").orElse(""));
        assertEquals(409, send("POST", "/edev", endDevice(SITE, 12L)).statusCode());
        assertEquals(409, send("POST", "/edev", endDevice("2" + SITE.substring(1), 114532461131L)).statusCode());
        assertEquals(403, send("POST", "/edev", endDevice(AGG, 5L)).statusCode());
        assertEquals(400, send("POST", "/edev", "<EndDevice " + NS + "><sFDI>5</sFDI><changedTime>0</changedTime></EndDevice>")
                .statusCode());
        assertEquals(400, send("POST", "/edev", "<EndDevice><sFDI>5</sFDI></EndDevice>").statusCode());
        assertEquals(400, send("POST", "/edev", "<EndDevice " + NS + "><sFDI>5</sF").statusCode());

        String first = send("GET", "/edev", null).body();
        assertTrue("l defaults to 1: only the aggregator's virtual EndDevice", first.contains("all=\"1\" results=\"1\"")
                && first.contains("href=\"/edev/0\"") && !first.contains("/edev/1\""));
        String all = send("GET", "/edev?s=0&l=10", null).body();
        assertTrue(all, all.contains("<lFDI>" + SITE + "</lFDI>") && all.contains("results=\"2\""));
        String edev = send("GET", "/edev/1", null).body();
        assertTrue(edev, edev.contains("<csipaus:ConnectionPointLink href=\"/edev/1/cp\"/>"));
        assertTrue(edev, edev.contains("<FunctionSetAssignmentsListLink href=\"/edev/1/fsa\" all=\"1\"/>"));
        assertTrue("no DeviceInformation in envoy", !edev.contains("DeviceInformationLink"));
        assertEquals(404, send("GET", "/edev/1/di", null).statusCode());
        assertEquals(404, send("GET", "/edev/9", null).statusCode());
        String other = AGG.replace('6', '7');
        state.aggregator(other);
        assertEquals("another aggregator's site is not found", 404, send("GET", "/edev/1", null, other).statusCode());
    }

    @Test
    public void theDerAndConnectionPointTakeWhatEnvoyTakes() throws Exception {
        send("POST", "/edev", endDevice(SITE, 114532461131L));
        assertEquals(405, send("POST", "/edev/1/der", "<DER " + NS + "/>").statusCode());
        assertTrue(send("GET", "/edev/1/der?s=0&l=5", null).body().contains("<DER href=\"/edev/1/der/1\">"));
        assertEquals(404, send("GET", "/edev/1/der/1/dercap", null).statusCode());
        String cap = "<DERCapability " + NS + "><modesSupported>10000C</modesSupported><rtgMaxW><multiplier>0</multiplier>"
                + "<value>5000</value></rtgMaxW><type>4</type></DERCapability>";
        assertEquals(204, send("PUT", "/edev/1/der/1/dercap", cap).statusCode());
        assertEquals(cap, send("GET", "/edev/1/der/1/dercap", null).body());
        assertEquals(400, send("PUT", "/edev/1/der/1/derg", "<DERSettings " + NS + "><setGradW>27</setGradW></DERSettings>")
                .statusCode());
        state.csipNamespace(SepServerState.CSIPAUS_V13);
        assertEquals("envoy 2.x requires doeModesSupported", 400, send("PUT", "/edev/1/der/1/dercap", cap).statusCode());

        String cp = "<ConnectionPoint xmlns=\"https://csipaus.org/ns/v1.3\"><connectionPointId>NMI1</connectionPointId></ConnectionPoint>";
        HttpResponse<String> put = send("PUT", "/edev/1/cp", cp);
        assertEquals(201, put.statusCode());
        assertEquals("/edev/1/cp", put.headers().firstValue("Location").orElse(""));
        assertEquals("NMI1", state.sites().get(0).nmi());
        assertEquals("a ConnectionPoint in another namespace", 400, send("PUT", "/edev/1/cp", cp.replace("/v1.3", "")).statusCode());
        state.allowNmiUpdates(false);
        assertEquals(409, send("PUT", "/edev/1/cp", cp).statusCode());
    }

    @Test
    public void theProgramServesDefaultAndScheduledControlsByTheClock() throws Exception {
        send("POST", "/edev", endDevice(SITE, 114532461131L));
        assertEquals(404, send("GET", "/edev/1/derp/1/dderc", null).statusCode());
        state.defaultControl(Map.of("opModExpLimW", 50_000));
        String dflt = send("GET", "/edev/1/derp/1/dderc", null).body();
        assertTrue(dflt, dflt.contains("<csipaus:opModExpLimW><multiplier>1</multiplier><value>5000</value></csipaus:opModExpLimW>"));
        String mrid = state.schedule("peak", clock.get() + 60, 600, Map.of("opModConnect", false));
        String fsa = send("GET", "/edev/1/fsa?s=0&l=5", null).body();
        assertTrue(fsa, fsa.contains("<DERProgramListLink href=\"/edev/1/fsa/1/derp\" all=\"1\"/>"));
        String derp = send("GET", "/edev/1/fsa/1/derp?s=0&l=5", null).body();
        assertTrue(derp, derp.contains("<DERControlListLink href=\"/edev/1/derp/1/derc\" all=\"1\"/>") && derp.contains("<primacy>1"));
        assertTrue(send("GET", "/edev/1/derp/1/derc?s=0&l=5", null).body().contains("<currentStatus>0</currentStatus>"));
        assertTrue(send("GET", "/edev/1/derp/1/actderc?s=0&l=5", null).body().contains("results=\"0\""));
        clock.addAndGet(60);
        String active = send("GET", "/edev/1/derp/1/actderc?s=0&l=5", null).body();
        assertTrue(active, active.contains("<mRID>" + mrid + "</mRID>") && active.contains("<currentStatus>1</currentStatus>")
                && active.contains("<opModConnect>false</opModConnect>"));
        state.cancel(mrid);
        assertTrue(send("GET", "/edev/1/derp/1/derc?s=0&l=5", null).body().contains("<currentStatus>2</currentStatus>"));
    }

    @Test
    public void faultsAreServedAsAsked() throws Exception {
        sim.fail("GET /dcap", 503, 1);
        sim.invalidXml("GET /tm", 1);
        assertEquals(503, send("GET", "/dcap", null).statusCode());
        assertEquals(200, send("GET", "/dcap", null).statusCode());
        assertTrue(!send("GET", "/tm", null).body().endsWith(">"));
        assertTrue(send("GET", "/tm", null).body().contains("<currentTime>" + clock.get() + "</currentTime>"));
        assertEquals(4, sim.requests().size());
    }
}
