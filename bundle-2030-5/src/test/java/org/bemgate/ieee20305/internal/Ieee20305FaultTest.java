package org.bemgate.ieee20305.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;

import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.ieee20305.SepServerState;
import org.junit.After;
import org.junit.Test;

/** A server that cannot be reached, refuses TLS, answers with another status or invalid XML: reported, retried, recovered. */
public class Ieee20305FaultTest {

    private ServerBench bench;

    @After
    public void tearDown() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    public void aServerCertificateFromAnotherCaIsRefusedAndNothingIsSent() throws Exception {
        bench = new ServerBench(true);
        bench.serveWrongCertificate();
        Ieee20305Connector c = bench.connector(bench.tlsConfig());
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        String reason = c.health().reason();
        assertTrue(reason, reason.startsWith("GET " + bench.sim.baseUrl() + "/dcap: TLS refused: "));
        assertTrue(reason, reason.contains("PKIX") || reason.contains("certification path"));
        assertTrue(reason, reason.endsWith("(next attempt in 5 s)"));
        assertEquals("no request reached the server", 0, bench.sim.requests().size());
    }

    @Test
    public void aClientCertificateTheServerDoesNotTrustIsATlsRefusal() throws Exception {
        bench = new ServerBench(true);
        Ieee20305Connector c = bench.connector(bench.tlsConfig("clientCertificate", bench.pki.otherClientCertPem().toString(),
                "clientKey", bench.pki.otherClientKeyPem().toString()));
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().contains("/dcap: TLS refused: "));
        assertTrue(c.health().reason(), c.health().reason().contains("does it accept the client certificate?")
                || c.health().reason().contains("certificate"));
        assertEquals(0, bench.sim.requests().size());
    }

    @Test
    public void anUnknownAggregatorIsRefusedWith403AndReported() throws Exception {
        bench = new ServerBench(false);
        Ieee20305Connector c = bench.connector(bench.httpConfig("lfdi", "00112233445566778899AABBCCDDEEFF00112233"));
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().startsWith("GET " + bench.sim.baseUrl() + "/dcap: HTTP 403"));
    }

    @Test
    public void anUnreachableServerIsOfflineAndRetriedWithAGrowingPause() throws Exception {
        bench = new ServerBench(false);
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Ieee20305Connector c = bench.connector(bench.httpConfig("baseUrl", "http://127.0.0.1:" + closed));
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().contains("cannot reach http://127.0.0.1:" + closed));
        assertTrue(c.health().reason(), c.health().reason().endsWith("(next attempt in 5 s)"));
        long t0 = bench.time.now();
        bench.runUntil(() -> c.health().reason().endsWith("(next attempt in 10 s)"), 10_000, "the second failure");
        assertEquals(5_000, bench.time.now() - t0);
        bench.runUntil(() -> c.health().reason().endsWith("(next attempt in 20 s)"), 20_000, "the third failure");
        assertEquals(15_000, bench.time.now() - t0);
        assertEquals(3L, c.health().counters().get("errors").longValue());
    }

    @Test
    public void anUnexpectedStatusStopsTheSiteWithTheStepNamedAndIsRetriedWithoutDuplicates() throws Exception {
        bench = new ServerBench(false);
        bench.sim.fail("PUT /edev/1/der/1/dercap", 500, 1);
        Ieee20305Connector c = bench.connector(bench.httpConfig());
        bench.time.runDue();
        assertEquals(ConnectorStatus.DEGRADED, c.health().status());
        String reason = c.health().reason();
        assertTrue(reason, reason.startsWith("'site1' is not registered (its EndDevice /edev/1 exists, a later step failed): "
                + "PUT /edev/1/der/1/dercap: HTTP 500 simulated fault"));
        assertEquals(reason, bench.latest("site1__registration"));
        assertEquals("registered", bench.latest("site2__registration"));
        assertEquals(1L, c.health().counters().get("httpErrors").longValue());
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 10_000, "ONLINE after the retry");
        assertEquals("registered", bench.latest("site1__registration"));
        assertEquals(2, bench.requests("POST /edev"));
        assertEquals(2, bench.state.sites().size());
    }

    @Test
    public void invalidXmlIsReportedAndCounted() throws Exception {
        bench = new ServerBench(false);
        bench.sim.invalidXml("GET /dcap", 1);
        Ieee20305Connector c = bench.connector(bench.httpConfig());
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().startsWith("GET " + bench.sim.baseUrl() + "/dcap: invalid 2030.5 XML: "
                + "not well-formed XML where DeviceCapability was expected"));
        bench.sim.invalidXml("GET /edev/2/fsa", 1);
        bench.runUntil(() -> c.health().status() == ConnectorStatus.DEGRADED, 10_000, "DEGRADED");
        assertTrue(c.health().reason(), c.health().reason().startsWith("cannot read the controls of 'site2': GET /edev/2/fsa?s=0&l=50: "
                + "invalid 2030.5 XML: not well-formed XML"));
        assertEquals(2L, c.health().counters().get("invalidReplies").longValue());
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 10_000, "ONLINE");
    }

    @Test
    public void aConflictOnPostIsReported() throws Exception {
        bench = new ServerBench(false);
        bench.sim.fail("POST /edev", 409, 1);
        Ieee20305Connector c = bench.connector(bench.httpConfig());
        bench.time.runDue();
        assertTrue(c.health().reason(), c.health().reason().startsWith("'site1' is not registered: POST /edev: HTTP 409"));
    }

    @Test
    public void theCsipAus13NamespaceIsWrittenWhenConfiguredAndAnOldOneRefusedByAStrictServer() throws Exception {
        bench = new ServerBench(false);
        bench.state.csipNamespace(SepServerState.CSIPAUS_V13);
        Ieee20305Connector wrong = bench.connector(bench.httpConfig());
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, wrong.health().status());
        assertTrue(wrong.health().reason(), wrong.health().reason().contains("PUT /edev/1/der/1/dercap: HTTP 400"));
        bench.stop(wrong);
        Ieee20305Connector right = bench.connector(bench.httpConfig("csipausNamespace", "https://csipaus.org/ns/v1.3"));
        bench.runUntil(() -> right.health().status() == ConnectorStatus.ONLINE, 10_000, "ONLINE with v1.3");
        assertEquals("NMI1234567", bench.state.sites().get(0).nmi());
    }
}
