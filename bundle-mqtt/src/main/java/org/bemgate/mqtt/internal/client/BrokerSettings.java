package org.bemgate.mqtt.internal.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * Where and how to connect to one broker, checked once: a problem is a {@link ConfigProblem} naming
 * the property. The password is kept only to log in and never appears in {@link #toString()}.
 */
public final class BrokerSettings {

    private final String host;
    private final int port;
    private final boolean tls;
    private final SSLSocketFactory socketFactory;
    private final String username;
    private final char[] password;
    private final String clientId;
    private final int keepAliveSeconds;
    private final long reconnectMaxMillis;

    private BrokerSettings(String host, int port, boolean tls, SSLSocketFactory socketFactory, String username, char[] password,
            String clientId, int keepAliveSeconds, long reconnectMaxMillis) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.socketFactory = socketFactory;
        this.username = username;
        this.password = password;
        this.clientId = clientId;
        this.keepAliveSeconds = keepAliveSeconds;
        this.reconnectMaxMillis = reconnectMaxMillis;
    }

    /**
     * Checks the connection properties.
     *
     * @param host the broker's name or address
     * @param port its TCP port
     * @param useTls whether to use TLS
     * @param caFile a PEM file of the CA (chain) that signed the broker's certificate, or the PEM text
     *        itself as BEMCom's {@code REMOTE_MQTT_BROKER_CA_FILE} holds it; empty for the JVM's trust store
     * @param username empty for none
     * @param password used only with a username
     * @param clientId empty for a generated one starting with {@code defaultClientPrefix}
     * @param defaultClientPrefix such as {@code bemgate-bridge-}
     * @param keepAliveSeconds MQTT keep alive
     * @param reconnectMaxSeconds the longest pause between connection attempts
     * @return the settings
     * @throws ConfigProblem naming the property that cannot work
     */
    public static BrokerSettings check(String host, int port, boolean useTls, String caFile, String username, String password,
            String clientId, String defaultClientPrefix, int keepAliveSeconds, int reconnectMaxSeconds) throws ConfigProblem {
        String h = trim(host);
        if (h.isEmpty() || h.contains("/") || h.contains(" ")) {
            throw new ConfigProblem("host: '" + h + "' is not a broker's name or address");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigProblem("port: must be 1 to 65535, not " + port);
        }
        if (keepAliveSeconds < 0) {
            throw new ConfigProblem("keepAliveSeconds: must be 0 (off) or more, not " + keepAliveSeconds);
        }
        if (reconnectMaxSeconds < 1) {
            throw new ConfigProblem("reconnectMaxSeconds: must be at least 1, not " + reconnectMaxSeconds);
        }
        String id = trim(clientId);
        if (id.isEmpty()) {
            id = defaultClientPrefix + String.format("%08x", java.util.concurrent.ThreadLocalRandom.current().nextInt());
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > 65535) {
            throw new ConfigProblem("clientId: too long");
        }
        String ca = trim(caFile);
        if (!ca.isEmpty() && !useTls) {
            throw new ConfigProblem("caFile: set, but useTls is false; set useTls=true to connect with TLS");
        }
        SSLSocketFactory factory = useTls ? socketFactory(ca) : null;
        String user = trim(username);
        char[] pw = user.isEmpty() || password == null ? null : password.toCharArray();
        return new BrokerSettings(h, port, useTls, factory, user, pw, id, keepAliveSeconds, reconnectMaxSeconds * 1000L);
    }

    private static SSLSocketFactory socketFactory(String ca) throws ConfigProblem {
        if (ca.isEmpty()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        byte[] pem;
        if (ca.startsWith("-----BEGIN")) {
            pem = ca.getBytes(StandardCharsets.US_ASCII);
        } else {
            try {
                pem = Files.readAllBytes(Path.of(ca));
            } catch (IOException | RuntimeException e) {
                throw new ConfigProblem("caFile: cannot read '" + ca + "': " + e);
            }
        }
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) {
                throw new ConfigProblem("caFile: '" + ca + "' holds no PEM certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigProblem("caFile: '" + (ca.startsWith("-----BEGIN") ? "(PEM text)" : ca) + "' is not a PEM certificate: "
                    + e.getMessage());
        }
    }

    /** @return the broker's URI as Paho takes it */
    public String uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "ssl://" : "tcp://") + h + ":" + port;
    }

    /** @return {@code host:port} for log lines and health reasons */
    public String address() {
        return host + ":" + port;
    }

    /** @return the client id */
    public String clientId() {
        return clientId;
    }

    /** @return the longest pause between connection attempts */
    public long reconnectMaxMillis() {
        return reconnectMaxMillis;
    }

    /**
     * @param maxInflight Paho's window of unacknowledged messages
     * @return options for one clean-session connection; reconnection is the session's, not Paho's
     */
    MqttConnectOptions options(int maxInflight) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(keepAliveSeconds);
        o.setConnectionTimeout(10);
        o.setMaxInflight(maxInflight);
        if (socketFactory != null) {
            o.setSocketFactory(socketFactory);
            o.setHttpsHostnameVerificationEnabled(true);
        }
        if (!username.isEmpty()) {
            o.setUserName(username);
            if (password != null) {
                o.setPassword(password.clone());
            }
        }
        return o;
    }

    @Override
    public String toString() {
        return uri() + " as " + (username.isEmpty() ? "anonymous" : "'" + username + "'") + ", client id '" + clientId + "'";
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
