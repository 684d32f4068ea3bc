package org.bemgate.ieee20305.internal.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bemgate.ieee20305.internal.codec.DeviceIds;

/**
 * The aggregator's TLS identity: its certificate (and chain), its private key and the CAs it trusts
 * for the server, read with the JDK alone. Accepted:
 * <ul>
 * <li>a PKCS#12 store ({@code .p12}/{@code .pfx}) holding the key and chain, with its password;</li>
 * <li>a PEM certificate (chain) with a PEM key: unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or
 * EC) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}).</li>
 * </ul>
 * Encrypted PEM keys and SEC1 EC keys ({@code BEGIN EC PRIVATE KEY}) need BouncyCastle and are
 * refused with the openssl command that converts them. Problems throw {@link Problem} naming the
 * property. Nothing here logs; passwords stay in this class's callers' configuration.
 */
public final class ClientIdentity {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
        0x01, 0x01, 0x05, 0x00 };

    private final X509Certificate certificate;
    private final SSLContext sslContext;

    private ClientIdentity(X509Certificate certificate, SSLContext sslContext) {
        this.certificate = certificate;
        this.sslContext = sslContext;
    }

    /** A property that cannot be used; the message starts with its name. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        public Problem(String message) {
            super(message);
        }
    }

    /**
     * Reads the trusted CAs only, for a connection without a client certificate (or plain HTTP).
     *
     * @param caFile a PEM file with one or more certificates; empty for the JDK's default CAs
     * @return the context
     */
    public static SSLContext trustOnly(String caFile) throws Problem {
        return context(null, null, caFile);
    }

    /**
     * Reads the identity.
     *
     * @param certFile {@code clientCertificate}: a PEM certificate chain or a PKCS#12 store
     * @param keyFile {@code clientKey}: a PEM key; empty when certFile is PKCS#12
     * @param password {@code clientKeyPassword}: the PKCS#12 password
     * @param caFile {@code trustedCa}: PEM CA certificates; empty for the JDK's default CAs
     * @return the identity
     * @throws Problem naming the property that cannot be used
     */
    public static ClientIdentity load(String certFile, String keyFile, String password, String caFile) throws Problem {
        byte[] raw = read("clientCertificate", certFile);
        PrivateKey key;
        List<X509Certificate> chain;
        if (isPem(raw)) {
            chain = certificates("clientCertificate", certFile, raw);
            if (keyFile == null || keyFile.isBlank()) {
                throw new Problem("clientKey: not set; a PEM clientCertificate needs its PEM private key (or give a PKCS#12 store as "
                        + "clientCertificate)");
            }
            key = pemKey(keyFile, read("clientKey", keyFile));
        } else {
            KeyStore p12 = pkcs12(certFile, raw, password);
            try {
                String alias = keyAlias(p12, certFile);
                key = (PrivateKey) p12.getKey(alias, chars(password));
                chain = new ArrayList<>();
                for (Certificate c : p12.getCertificateChain(alias)) {
                    chain.add((X509Certificate) c);
                }
            } catch (GeneralSecurityException e) {
                throw new Problem(".clientKeyPassword: cannot read the key in " + certFile + ": " + e.getMessage());
            }
        }
        checkPair(key, chain.get(0));
        return new ClientIdentity(chain.get(0), context(key, chain, caFile));
    }

    /** @return the client certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the LFDI of the client certificate */
    public String lfdi() {
        try {
            return DeviceIds.lfdi(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate cannot be encoded", e);
        }
    }

    /** @return the TLS context presenting the certificate */
    public SSLContext sslContext() {
        return sslContext;
    }

    // ---- reading ---------------------------------------------------------------------------------

    private static SSLContext context(PrivateKey key, List<X509Certificate> chain, String caFile) throws Problem {
        try {
            KeyManagerFactory kmf = null;
            if (key != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                char[] transientPassword = "in-memory".toCharArray();
                ks.setKeyEntry("client", key, transientPassword, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, transientPassword);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null || caFile.isBlank()) {
                tmf.init((KeyStore) null);
            } else {
                List<X509Certificate> cas = certificates("trustedCa", caFile, read("trustedCa", caFile));
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    trust.setCertificateEntry("ca" + i, cas.get(i));
                }
                tmf.init(trust);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new Problem((key == null ? "trustedCa" : "clientCertificate") + ": the TLS context cannot be made: " + e.getMessage());
        }
    }

    private static byte[] read(String property, String file) throws Problem {
        if (file == null || file.isBlank()) {
            throw new Problem(property + ": not set");
        }
        try {
            return Files.readAllBytes(Path.of(file.strip()));
        } catch (IOException | RuntimeException e) {
            throw new Problem(property + ": cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static boolean isPem(byte[] raw) {
        return new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    private static List<X509Certificate> certificates(String property, String file, byte[] raw) throws Problem {
        List<X509Certificate> certs = new ArrayList<>();
        Matcher m = PEM.matcher(new String(raw, StandardCharsets.US_ASCII));
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(base64(property, m.group(2)))));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new Problem(property + ": " + file + " holds a certificate that cannot be read: " + e.getMessage());
        }
        if (certs.isEmpty()) {
            throw new Problem(property + ": " + file + " holds no '-----BEGIN CERTIFICATE-----' block");
        }
        return certs;
    }

    private static PrivateKey pemKey(String file, byte[] raw) throws Problem {
        Matcher m = PEM.matcher(new String(raw, StandardCharsets.US_ASCII));
        while (m.find()) {
            String type = m.group(1);
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(file, base64("clientKey", m.group(2)));
                case "RSA PRIVATE KEY":
                    if (m.group(2).contains("Proc-Type")) {
                        throw new Problem("clientKey: " + file + " is an encrypted PEM key, which the JDK cannot read; use a PKCS#12 "
                                + "store with a password, or an unencrypted PKCS#8 key readable only by the gateway's user");
                    }
                    return pkcs8(file, wrapRsa(base64("clientKey", m.group(2))));
                case "EC PRIVATE KEY":
                    throw new Problem("clientKey: " + file + " is a SEC1 EC key (BEGIN EC PRIVATE KEY), which the JDK cannot read; "
                            + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
                case "ENCRYPTED PRIVATE KEY":
                    throw new Problem("clientKey: " + file + " is an encrypted PKCS#8 key, which the JDK cannot read without "
                            + "BouncyCastle; use a PKCS#12 store with a password, or an unencrypted PKCS#8 key readable only by the "
                            + "gateway's user");
                default:
                    break;
            }
        }
        throw new Problem("clientKey: " + file + " holds no private key (expected '-----BEGIN PRIVATE KEY-----' PKCS#8, or "
                + "'-----BEGIN RSA PRIVATE KEY-----')");
    }

    private static PrivateKey pkcs8(String file, byte[] der) throws Problem {
        for (String alg : List.of("EC", "RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new Problem("clientKey: " + file + " is not an EC or RSA PKCS#8 key the JDK can read");
    }

    /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo: SEQUENCE { 0, rsaEncryption, OCTET STRING { key } }. */
    static byte[] wrapRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] { 0x02, 0x01, 0x00 });
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(0x30);
        all.writeBytes(derLength(body.size()));
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    private static byte[] derLength(int n) {
        if (n < 0x80) {
            return new byte[] { (byte) n };
        }
        if (n < 0x100) {
            return new byte[] { (byte) 0x81, (byte) n };
        }
        if (n < 0x10000) {
            return new byte[] { (byte) 0x82, (byte) (n >> 8), (byte) n };
        }
        return new byte[] { (byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n };
    }

    private static KeyStore pkcs12(String file, byte[] raw, String password) throws Problem {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(raw), chars(password));
            return ks;
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new Problem(".clientKeyPassword: wrong password for the PKCS#12 store " + file);
            }
            throw new Problem("clientCertificate: " + file + " is neither PEM nor a PKCS#12 store: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new Problem("clientCertificate: " + file + " cannot be read as PKCS#12: " + e.getMessage());
        }
    }

    private static String keyAlias(KeyStore ks, String file) throws GeneralSecurityException, Problem {
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new Problem("clientCertificate: the PKCS#12 store " + file + " holds no private key");
    }

    private static void checkPair(Key key, X509Certificate cert) throws Problem {
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature s = Signature.getInstance(alg);
            s.initSign((PrivateKey) key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            if (v.verify(sig)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another algorithm than the certificate's: not a pair either
        }
        throw new Problem("clientKey: the private key does not belong to the certificate "
                + cert.getSubjectX500Principal().getName());
    }

    private static byte[] base64(String property, String text) throws Problem {
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new Problem(property + ": a PEM block is not valid Base64: " + e.getMessage());
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
