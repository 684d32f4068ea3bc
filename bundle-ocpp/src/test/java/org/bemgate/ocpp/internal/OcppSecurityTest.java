package org.bemgate.ocpp.internal;

import static org.bemgate.ocpp.internal.Loopback.get;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.http.WebSocketHandshakeException;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bemgate.simulators.ocpp.Charger;
import org.bemgate.simulators.ocpp.OcppChargePoint;
import org.junit.After;
import org.junit.Test;

/** Security Profile 1 (Basic auth), the allow-list of charge point ids, and Profile 2 (TLS with a keytool keystore). */
public class OcppSecurityTest {

    static final String KEYSTORE_PASSWORD = "test-only-keystore";
    private final Loopback net = new Loopback();

    @After
    public void tearDown() {
        net.close();
    }

    @Test
    public void basicAuthRightWrongAndMissing() {
        OcppConnector c = net.connector("_basicAuthPasswords", new String[] { "CP-1=s3cret:with=signs" });
        assertEquals(401, refusal(net.chargePoint("CP-1", Charger.wallbox())));
        assertEquals(401, refusal(net.chargePoint("CP-1", Charger.wallbox()).password("wrong")));
        OcppChargePoint right = net.chargePoint("CP-1", Charger.wallbox()).password("s3cret:with=signs");
        get(right.connect());
        assertEquals("Accepted", get(right.boot()).get("status"));
        OcppChargePoint noPasswordConfigured = net.chargePoint("CP-2", Charger.wallbox());
        get(noPasswordConfigured.connect());
        assertEquals(2L, c.health().counters().get("refusedConnections").longValue());
    }

    @Test
    public void basicAuthRequiredRefusesChargePointsWithoutAPassword() {
        net.connector("_basicAuthPasswords", new String[] { "CP-1=pw" }, "basicAuthRequired", true);
        assertEquals(401, refusal(net.chargePoint("CP-2", Charger.wallbox()).password("anything")));
        get(net.chargePoint("CP-1", Charger.wallbox()).password("pw").connect());
    }

    @Test
    public void onlyListedChargePointsMayConnect() {
        net.connector("chargePointIds", new String[] { "CP-1,CP-2" });
        assertEquals(404, refusal(net.chargePoint("CP-3", Charger.wallbox())));
        get(net.chargePoint("CP-2", Charger.wallbox()).connect());
        assertTrue(net.has("CP-1__charging_limit_w"));
    }

    @Test
    public void tlsWithAKeystoreServesWss() throws Exception {
        File keystore = keystore();
        net.tls(trusting(keystore));
        net.connector("keystore", keystore.getPath(), "_keystorePassword", KEYSTORE_PASSWORD, "_basicAuthPasswords",
                new String[] { "CP-1=pw" });
        OcppChargePoint cp = net.chargePoint("CP-1", Charger.wallbox()).password("pw");
        get(cp.connect());
        get(cp.playSession(1, "TAG", 100));
        assertTrue(net.write("CP-1__charging_limit_a", 16.0).isAccepted());
        assertEquals("16.0 A", cp.charger().limit());
    }

    @Test
    public void plainWebSocketsDoNotReachATlsPort() throws Exception {
        File keystore = keystore();
        OcppConnector c = net.connector("keystore", keystore.getPath(), "_keystorePassword", KEYSTORE_PASSWORD);
        OcppChargePoint plain = net.chargePoint(c, "CP-1", Charger.wallbox());
        try {
            plain.connect().get(20, TimeUnit.SECONDS);
            fail("a ws:// handshake on the TLS port succeeded");
        } catch (ExecutionException expected) {
            // the TLS port does not speak plain HTTP
        }
    }

    private static int refusal(OcppChargePoint cp) {
        CompletableFuture<OcppChargePoint> f = cp.connect();
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new AssertionError("not a refused handshake", e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the handshake succeeded");
    }

    /** @return a PKCS12 keystore with a self-signed certificate for 127.0.0.1, made by the JDK's keytool once per build */
    static synchronized File keystore() {
        File file = new File("target/test-tls/ocpp.p12").getAbsoluteFile();
        if (file.exists()) {
            return file;
        }
        file.getParentFile().mkdirs();
        String keytool = new File(System.getProperty("java.home"), "bin/keytool").getPath();
        try {
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", file.getPath(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test keystore " + file, e);
        }
        return file;
    }

    static SSLContext trusting(File keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore)) {
            ks.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
