package org.bemgate.simulators.lemdcbm;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The self-signed certificates the simulated meter can serve HTTPS with, like the real meter's own
 * (RSA 1024 bits, valid for a century, no host name). Two of them, so tests can show that a client
 * pinned to one refuses the other. The private keys are simulator material, never used elsewhere.
 */
public enum MeterCertificate {
    /** The simulator's default certificate. */
    METER("meter.p12"),
    /** Another meter's certificate, for the wrong-certificate case. */
    OTHER_METER("other-meter.p12");

    private static final char[] PASSWORD = "simulator".toCharArray();

    private final String resource;

    MeterCertificate(String resource) {
        this.resource = resource;
    }

    /** @return the certificate in PEM, with line breaks, as an operator would paste it into the configuration */
    public String pem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate());
        return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    }

    /** @return the PEM as the meter's {@code /v1/certificate} gives it: no line breaks after the header and before the footer */
    public String pemAsTheMeterGivesIt() {
        return "-----BEGIN CERTIFICATE-----" + Base64.getEncoder().encodeToString(certificate()) + "-----END CERTIFICATE-----";
    }

    byte[] certificate() {
        try {
            Certificate c = keyStore().getCertificate("meter");
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the simulator's certificate " + resource + " cannot be read", e);
        }
    }

    /** @return a server TLS context with this certificate and its key */
    SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(), PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the simulator's TLS context cannot be made from " + resource, e);
        }
    }

    private KeyStore keyStore() {
        try (InputStream in = MeterCertificate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the simulators jar");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the simulator's key store " + resource + " cannot be read", e);
        }
    }
}
