package org.bemgate.testsupport;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small test PKI made with the JDK's {@code keytool} (no BouncyCastle): a CA, a server certificate
 * for 127.0.0.1 and a client certificate signed by it, and an unrelated CA with its own server
 * certificate for the wrong-server case. EC P-256 keys, valid two days. Every store is PKCS#12 with
 * the password {@link #PASSWORD}; the client's key and certificates are also written as PEM
 * (certificate, PKCS#8 key, CA), as an operator would get them from a utility.
 *
 * <p>keytool starts a JVM per call (about ten calls): make one PKI per test class or JVM with
 * {@link #shared()}.
 */
public final class TestPki {

    /** The password of every key store and key. */
    public static final String PASSWORD = "changeit";

    private static TestPki shared;

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** @return one PKI for the whole JVM, made on first use in a temporary folder deleted at exit */
    public static synchronized TestPki shared() throws IOException {
        if (shared == null) {
            Path d = Files.createTempDirectory("bemgate-pki");
            d.toFile().deleteOnExit();
            shared = create(d);
        }
        return shared;
    }

    /**
     * Makes the PKI in a folder.
     *
     * @param dir an existing, empty folder
     * @return the PKI
     * @throws IOException if keytool fails, with its output
     */
    public static TestPki create(Path dir) throws IOException {
        TestPki pki = new TestPki(dir);
        pki.makeCa("ca", "CN=bemgate test utility CA");
        pki.makeSigned("server", "ca", "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost", "EKU=serverAuth");
        pki.makeSigned("client", "ca", "CN=bemgate test aggregator", null, "EKU=clientAuth");
        pki.makeCa("otherca", "CN=some other CA");
        pki.makeSigned("otherserver", "otherca", "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost", "EKU=serverAuth");
        pki.makeSigned("otherclient", "otherca", "CN=unknown aggregator", null, "EKU=clientAuth");
        for (String name : List.of("client", "otherclient")) {
            pki.writePem(name);
        }
        return pki;
    }

    /** @return the folder holding every file */
    public Path dir() {
        return dir;
    }

    /** @return the CA certificate in PEM */
    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** @return the other, untrusted CA certificate in PEM */
    public Path otherCaPem() {
        return dir.resolve("otherca.pem");
    }

    /** @return a PKCS#12 store (alias {@code server}) with the server key and its chain to the CA */
    public Path serverP12() {
        return dir.resolve("server.p12");
    }

    /** @return a PKCS#12 store with a server key for 127.0.0.1 signed by the other CA */
    public Path otherServerP12() {
        return dir.resolve("otherserver.p12");
    }

    /** @return a PKCS#12 store (alias {@code client}) with the client key and its chain to the CA */
    public Path clientP12() {
        return dir.resolve("client.p12");
    }

    /** @return the client certificate followed by the CA certificate, PEM */
    public Path clientCertPem() {
        return dir.resolve("client-cert.pem");
    }

    /** @return the client's private key, unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) */
    public Path clientKeyPem() {
        return dir.resolve("client-key.pem");
    }

    /** @return a client signed by the other CA: certificate PEM */
    public Path otherClientCertPem() {
        return dir.resolve("otherclient-cert.pem");
    }

    /** @return a client signed by the other CA: PKCS#8 key PEM */
    public Path otherClientKeyPem() {
        return dir.resolve("otherclient-key.pem");
    }

    /** @return the client's certificate */
    public X509Certificate clientCertificate() {
        return certificate("client");
    }

    /** @return the certificate with that alias from {@code <alias>.p12} */
    public X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) load(dir.resolve(alias + ".p12")).getCertificate(alias);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A server TLS context.
     *
     * @param p12 the server's store, such as {@link #serverP12()}
     * @param trustedClientCa the CA whose clients it accepts, such as {@link #caPem()}
     * @return the context
     */
    public SSLContext serverContext(Path p12, Path trustedClientCa) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(p12), PASSWORD.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(trustedClientCa)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** @return the PEM text of a DER block, 64 characters a line */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyStore load(Path p12) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private void makeCa(String name, String dname) throws IOException {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-ext", "bc:c",
                "-validity", "2", "-keystore", name + ".p12");
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", name + ".p12", "-file", name + ".pem");
    }

    private void makeSigned(String name, String ca, String dname, String san, String eku) throws IOException {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "2",
                "-keystore", name + ".p12");
        keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", ca, "-keystore", ca + ".p12", "-infile",
                name + ".csr", "-outfile", name + ".crt", "-validity", "2", "-ext", "KU=digitalSignature", "-ext", eku));
        if (san != null) {
            gencert.add("-ext");
            gencert.add(san);
        }
        keytool(gencert.toArray(new String[0]));
        keytool("-importcert", "-noprompt", "-alias", ca, "-file", ca + ".pem", "-keystore", name + ".p12");
        keytool("-importcert", "-alias", name, "-file", name + ".crt", "-keystore", name + ".p12");
    }

    private void writePem(String name) throws IOException {
        try {
            KeyStore ks = load(dir.resolve(name + ".p12"));
            Key key = ks.getKey(name, PASSWORD.toCharArray());
            Files.writeString(dir.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            StringBuilder chain = new StringBuilder();
            for (java.security.cert.Certificate c : ks.getCertificateChain(name)) {
                chain.append(pem("CERTIFICATE", c.getEncoded()));
            }
            Files.writeString(dir.resolve(name + "-cert.pem"), chain.toString());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the PEM files of " + name, e);
        }
    }

    private void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(new File(System.getProperty("java.home"), "bin/keytool").getPath());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        if (List.of(args).contains("-genkeypair")) {
            cmd.addAll(List.of("-keypass", PASSWORD));
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    /** @return a certificate parsed from DER, for tests that build their own */
    public static X509Certificate parse(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
