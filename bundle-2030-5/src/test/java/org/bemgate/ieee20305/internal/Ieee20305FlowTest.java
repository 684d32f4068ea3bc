package org.bemgate.ieee20305.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.ieee20305.internal.codec.DeviceIds;
import org.bemgate.simulators.ieee20305.Ieee20305Simulator;
import org.bemgate.simulators.ieee20305.SepServerState;
import org.bemgate.testsupport.TestPki;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Registration and control reading against the simulated envoy server over loopback with mutual TLS. */
public class Ieee20305FlowTest {

    private ServerBench bench;

    @Before
    public void setUp() throws Exception {
        bench = new ServerBench(true);
    }

    @After
    public void tearDown() {
        bench.close();
    }

    @Test
    public void twoSitesAreRegisteredCorrectlyOnTheWire() {
        Ieee20305Connector c = bench.connector(bench.tlsConfig());
        assertEquals("activation sends nothing", 0, bench.sim.requests().size());
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE");

        List<SepServerState.Site> sites = bench.state.sites();
        assertEquals(2, sites.size());
        String lfdi1 = DeviceIds.derivedLfdi(bench.aggregatorLfdi, "site1");
        assertEquals(lfdi1, sites.get(0).lfdi());
        assertEquals(DeviceIds.sfdi(lfdi1), sites.get(0).sfdi());
        assertEquals("040000", sites.get(0).deviceCategory());
        assertEquals("A00000", sites.get(1).deviceCategory());
        assertEquals("NMI1234567", sites.get(0).nmi());
        assertNull("site2 has no NMI", sites.get(1).nmi());
        assertEquals(Set.of("dercap", "derg", "ders", "dera"), sites.get(0).derResources().keySet());
        assertEquals(Set.of("dercap", "derg"), sites.get(1).derResources().keySet());
        assertTrue(sites.get(1).derResources().get("dercap").contains("<rtgMaxW><multiplier>1</multiplier><value>5000</value></rtgMaxW>"));

        List<String> r = bench.sim.requests();
        assertEquals("GET /dcap", r.get(0));
        assertEquals("GET /tm", r.get(1));
        assertTrue(r.toString(), r.contains("GET /edev?s=0&l=50"));
        assertEquals(2, bench.requests("POST /edev"));
        assertTrue(r.toString(), r.contains("PUT /edev/1/cp"));
        assertEquals("envoy has no DeviceInformation and no POST of a DER", 0, r.stream().filter(x -> x.contains("/di")
                || x.startsWith("POST /edev/1/der")).count());
        for (Ieee20305Simulator.Request q : bench.sim.requestDetails()) {
            // the only 404s: the ConnectionPoint read before it is first written, and a program without a default control
            assertTrue(q.toString(), q.status() < 300 || q.status() == 404 && q.method().equals("GET")
                    && (q.target().endsWith("/cp") || q.target().endsWith("/dderc")));
            if (!q.body().isEmpty()) {
                assertEquals(q.target(), "application/sep+xml", q.contentType());
            }
        }
        assertEquals("registered", bench.latest("site1__registration"));
        assertEquals("/edev/1", bench.latest("site1__endDevice"));
        assertEquals("/edev/2", bench.latest("site2__endDevice"));
        assertEquals(bench.aggregatorLfdi, bench.latest("aggregatorLfdi"));
        assertEquals(2L, c.health().counters().get("endDevicesCreated").longValue());
    }

    @Test
    public void defaultAndScheduledControlsAreExposedWithTheirWindowsAndFollowTheClock() {
        long start = ServerBench.WALL_EPOCH / 1000 + 600;
        bench.state.pollRate(3600).defaultControl(Map.of("opModExpLimW", 5000, "opModImpLimW", 10_000));
        String mrid = bench.state.schedule("evening peak", start, 1800, Map.of("opModExpLimW", 1500, "opModConnect", false,
                "opModMaxLimW", 5050));
        Ieee20305Connector c = bench.connector(bench.tlsConfig());
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE");
        for (String site : List.of("site1", "site2")) {
            assertEquals(5000L, bench.latest(site + "__opModExpLimW"));
            assertTrue((String) bench.latest(site + "__opModExpLimW__source"), ((String) bench.latest(site + "__opModExpLimW__source"))
                    .startsWith("default "));
            assertNull(bench.latest(site + "__opModExpLimW__start"));
            assertEquals(10_000L, bench.latest(site + "__opModImpLimW"));
            assertNull("no generation limit", bench.latest(site + "__opModGenLimW"));
            assertEquals(true, bench.latest(site + "__opModConnect"));
            assertEquals("[]", bench.latest(site + "__activeControls"));
            assertTrue((String) bench.latest(site + "__scheduledControls"), ((String) bench.latest(site + "__scheduledControls"))
                    .contains("\"mrid\":\"" + mrid + "\""));
        }
        long polls = bench.requests("GET /edev/1/derp/1/derc");

        // the control starts between two polls (pollRate 3600 s): the window is judged on the clock, no request needed
        bench.runUntil(() -> Long.valueOf(1500).equals(bench.latest("site1__opModExpLimW")), 700_000, "the control's export limit");
        assertEquals(start * 1000, bench.wall());
        assertEquals(polls, bench.requests("GET /edev/1/derp/1/derc"));
        assertEquals("control " + mrid, bench.latest("site1__opModExpLimW__source"));
        assertEquals(start * 1000, bench.latest("site1__opModExpLimW__start"));
        assertEquals((start + 1800) * 1000, bench.latest("site1__opModExpLimW__end"));
        assertEquals(false, bench.latest("site2__opModConnect"));
        assertEquals(50.5, bench.latest("site2__opModMaxLimW"));
        assertEquals("the default still sets what the control leaves", 10_000L, bench.latest("site1__opModImpLimW"));
        assertTrue(((String) bench.latest("site1__activeControls")).contains("evening peak"));

        bench.runUntil(() -> Long.valueOf(5000).equals(bench.latest("site1__opModExpLimW")), 2_000_000, "back to the default");
        assertEquals((start + 1800) * 1000, bench.wall());
        assertEquals(true, bench.latest("site1__opModConnect"));
        assertNull(bench.latest("site1__opModMaxLimW"));
    }

    @Test
    public void controlsArePolledAtTheServersPollRateAndACancellationIsSeen() {
        long start = ServerBench.WALL_EPOCH / 1000 + 30;
        bench.state.pollRate(120);
        String mrid = bench.state.schedule("short", start, 3600, Map.of("opModGenLimW", 2000));
        Ieee20305Connector c = bench.connector(bench.tlsConfig());
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE");
        long t0 = bench.time.now();
        bench.runFor(60_000);
        assertEquals(2000L, bench.latest("site1__opModGenLimW"));
        bench.state.cancel(mrid);
        long before = bench.requests("GET /dcap");
        bench.runUntil(() -> bench.latest("site1__opModGenLimW") == null, 200_000, "the cancellation");
        assertEquals("read at the next poll, pollRate 120 s after the first", 120_000, bench.time.now() - t0);
        assertEquals("dcap is read once at start-up only", before, bench.requests("GET /dcap"));
        assertEquals("none", bench.latest("site1__opModGenLimW__source"));
    }

    @Test
    public void aRestartFindsTheEndDevicesInsteadOfCreatingOthers() {
        Ieee20305Connector first = bench.connector(bench.tlsConfig());
        bench.runUntil(() -> first.health().status() == ConnectorStatus.ONLINE, 60_000, "first ONLINE");
        bench.stop(first);
        bench.sim.close();
        // the server restarts too, keeping its registrations
        bench.sim = new Ieee20305Simulator("127.0.0.1", 0, bench.state);
        Ieee20305Connector second;
        try {
            bench.sim.tls(bench.pki.serverContext(bench.pki.serverP12(), bench.pki.caPem())).start();
            second = bench.connector(bench.tlsConfig());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        bench.runUntil(() -> second.health().status() == ConnectorStatus.ONLINE, 60_000, "second ONLINE");
        assertEquals(2, bench.state.sites().size());
        assertEquals(0, bench.requests("POST"));
        assertEquals("the NMI is there already: no PUT", 0, bench.requests("PUT /edev/1/cp"));
        assertEquals(2L, second.health().counters().get("endDevicesFound").longValue());
        assertEquals("/edev/1", bench.latest("site1__endDevice"));
    }

    @Test
    public void aPkcs12IdentityWorksToo() {
        Ieee20305Connector c = bench.connector(bench.tlsConfig("clientCertificate", bench.pki.clientP12().toString(), "clientKey", "",
                "_clientKeyPassword", TestPki.PASSWORD));
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE");
        assertEquals(bench.aggregatorLfdi, bench.latest("aggregatorLfdi"));
    }

    @Test
    public void anEndDeviceDeletedOnTheServerIsRegisteredAgain() throws Exception {
        bench.state.pollRate(60);
        Ieee20305Connector c = bench.connector(bench.tlsConfig());
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 60_000, "ONLINE");
        bench.sim.fail("GET /edev/2", 404, 1);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.DEGRADED, 120_000, "DEGRADED");
        assertTrue(c.health().reason(), c.health().reason().startsWith("cannot read the controls of 'site2': GET /edev/2: HTTP 404"));
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 120_000, "ONLINE again");
        assertEquals("found again by its LFDI, not created twice", 2, bench.state.sites().size());
    }
}
