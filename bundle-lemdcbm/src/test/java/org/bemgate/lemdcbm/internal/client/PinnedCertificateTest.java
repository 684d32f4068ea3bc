package org.bemgate.lemdcbm.internal.client;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.bemgate.simulators.lemdcbm.MeterCertificate;
import org.junit.Test;

/** The meter's PEM, with or without the line breaks the meter leaves out, and nothing else. */
public class PinnedCertificateTest {

    @Test
    public void bothPemLayoutsGiveTheSamePin() {
        String a = PinnedCertificate.parse(MeterCertificate.METER.pem()).describe();
        String b = PinnedCertificate.parse(MeterCertificate.METER.pemAsTheMeterGivesIt()).describe();
        assertTrue(a, a.equals(b) && a.startsWith("CN=LEM DCBM simulator meter (SHA-256 "));
    }

    @Test
    public void anEmptyChainIsRefused() {
        try {
            PinnedCertificate.parse(MeterCertificate.METER.pem()).checkServerTrusted(new X509Certificate[0], "RSA");
            fail("no certificate is not the pinned one");
        } catch (CertificateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().startsWith("the meter's certificate (none) is not the configured one"));
        }
    }

    @Test
    public void garbageIsNamed() {
        for (String bad : new String[] { "", "hello", "-----BEGIN CERTIFICATE-----%%%-----END CERTIFICATE-----" }) {
            try {
                PinnedCertificate.parse(bad);
                fail("accepted: " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), !expected.getMessage().isEmpty());
            }
        }
    }
}
