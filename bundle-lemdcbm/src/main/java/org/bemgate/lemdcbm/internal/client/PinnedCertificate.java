package org.bemgate.lemdcbm.internal.client;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The meter's own self-signed certificate, the only one trusted for it (LEM has no root CA). As in
 * EVerest's driver the peer is verified against it and the host name is not checked: the meter's
 * certificate names no host. Being an {@link X509ExtendedTrustManager}, it also keeps the JDK from
 * adding its own host name check. Accepts the meter's PEM with or without its missing line breaks.
 */
public final class PinnedCertificate extends X509ExtendedTrustManager {

    private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    private final X509Certificate pinned;

    private PinnedCertificate(X509Certificate pinned) {
        this.pinned = pinned;
    }

    /**
     * @param pem one certificate in PEM
     * @return the pin
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static PinnedCertificate parse(String pem) {
        Matcher m = PEM.matcher(pem == null ? "" : pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no '-----BEGIN CERTIFICATE-----' … '-----END CERTIFICATE-----' block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the certificate is not valid Base64: " + e.getMessage());
        }
        try {
            return new PinnedCertificate((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage());
        }
    }

    /** @return a TLS context trusting this certificate only */
    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] { this }, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    /** @return the certificate's subject and SHA-256 fingerprint, for logs (a certificate is public; there is no key here) */
    public String describe() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(pinned.getEncoded());
            return pinned.getSubjectX500Principal().getName() + " (SHA-256 " + HexFormat.ofDelimiter(":").formatHex(sha, 0, 8) + "…)";
        } catch (GeneralSecurityException e) {
            return pinned.getSubjectX500Principal().getName();
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0 || !Arrays.equals(chain[0].getEncoded(), pinned.getEncoded())) {
            String got = chain == null || chain.length == 0 ? "none" : chain[0].getSubjectX500Principal().getName();
            throw new CertificateException("the meter's certificate (" + got + ") is not the configured one, " + describe());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the gateway is the client; it trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the gateway is the client; it trusts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the gateway is the client; it trusts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
