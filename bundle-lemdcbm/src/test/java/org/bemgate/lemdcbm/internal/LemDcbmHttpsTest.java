package org.bemgate.lemdcbm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.simulators.lemdcbm.MeterCertificate;
import org.junit.After;
import org.junit.Test;

/** HTTPS with the meter's own certificate pinned: that one is trusted without a host name check, any other refused. */
public class LemDcbmHttpsTest {

    private MeterBench bench;

    @After
    public void tearDown() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    public void thePinnedCertificateIsTrustedAsTheMeterGivesIt() throws Exception {
        bench = new MeterBench(MeterCertificate.METER);
        LemDcbmConnector c = bench.connector("meterCertificate", MeterCertificate.METER.pemAsTheMeterGivesIt());
        bench.runUntil(() -> c.health().status() == ConnectorStatus.ONLINE, 1_000, "ONLINE over HTTPS");
        assertEquals("12024072805", bench.latest(MeterDatapoints.METER_ID));
        assertTrue(bench.write(MeterDatapoints.START, "tx-1").isAccepted());
        assertTrue(bench.write(MeterDatapoints.STOP, "tx-1").isAccepted());
        assertTrue(((String) bench.latest(MeterDatapoints.OCMF)).startsWith("OCMF|"));
    }

    @Test
    public void anotherCertificateIsRefused() throws Exception {
        bench = new MeterBench(MeterCertificate.OTHER_METER);
        LemDcbmConnector c = bench.connector("meterCertificate", MeterCertificate.METER.pem(), "initialConnectionRetries", 0);
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        String reason = c.health().reason();
        assertTrue(reason, reason.startsWith("cannot read the meter id: GET /v1/status: TLS handshake refused: the meter's certificate "
                + "(CN=LEM DCBM simulator other-meter) is not the configured one, CN=LEM DCBM simulator meter (SHA-256 "));
        assertEquals("no request reached the meter", 0, bench.sim.requests().size());
    }

    @Test
    public void plainHttpToAnHttpsMeterIsNoAnswer() throws Exception {
        bench = new MeterBench(MeterCertificate.METER);
        LemDcbmConnector c = bench.connector("initialConnectionRetries", 0);
        bench.time.runDue();
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().startsWith("cannot read the meter id: GET /v1/status: "));
    }
}
