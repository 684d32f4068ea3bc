package org.bemgate.mqtt.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.mqtt.internal.Configs;
import org.bemgate.mqtt.internal.Wait;
import org.bemgate.testsupport.Mosquitto;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;

/** TLS to a Mosquitto whose certificate a test CA made by openssl signed: trusted through caFile, refused without it. */
public class RemoteMqttTlsTest {

    private static final String MAPPING = "{\"sensor_topics\": {\"#\": {}}, \"actuator_topics\": {}}";

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 10_000);
    private final List<RemoteMqttConnector> connectors = new ArrayList<>();
    private Path dir;
    private Mosquitto broker;

    @Before
    public void setUp() throws Exception {
        Assume.assumeTrue("needs /usr/bin/openssl", new File("/usr/bin/openssl").canExecute());
        dir = Files.createTempDirectory("mqtt-tls");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj",
                "/CN=bemgate test CA");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
                "-days", "2", "-extfile", "ext.cnf");
        broker = Mosquitto.builder().tls(dir.resolve("server.pem"), dir.resolve("server.key")).start();
    }

    @After
    public void tearDown() throws IOException {
        connectors.forEach(RemoteMqttConnector::close);
        registry.close();
        if (broker != null) {
            broker.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private RemoteMqttConnector connector(Object... more) {
        Object[] all = new Object[more.length + 10];
        System.arraycopy(new Object[] { "name", "tls", "host", "127.0.0.1", "port", broker.port(), "topicMapping", MAPPING,
                "useTls", true }, 0, all, 0, 10);
        System.arraycopy(more, 0, all, 10, more.length);
        RemoteMqttConnector c = new RemoteMqttConnector(registry, Configs.of(RemoteMqttConfig.class, all),
                new ExecutorScheduler("bemgate-mqtt-tls-test"), System::currentTimeMillis);
        connectors.add(c);
        return c;
    }

    @Test
    public void theCaFileOrItsPemTextIsTrusted() throws Exception {
        RemoteMqttConnector byFile = connector("caFile", dir.resolve("ca.pem").toString());
        Wait.until(() -> byFile.health().status() == ConnectorStatus.ONLINE, 20_000, () -> "ONLINE, is " + byFile.health());
        // BEMCom's REMOTE_MQTT_BROKER_CA_FILE holds the PEM text itself
        RemoteMqttConnector byText = connector("name", "tls2", "caFile", Files.readString(dir.resolve("ca.pem")));
        Wait.until(() -> byText.health().status() == ConnectorStatus.ONLINE, 20_000, () -> "ONLINE, is " + byText.health());
    }

    @Test
    public void anUntrustedCertificateIsOfflineWithTheReason() {
        RemoteMqttConnector c = connector();
        Wait.until(() -> c.health().status() == ConnectorStatus.OFFLINE, "OFFLINE");
        assertTrue(c.health().reason(), c.health().reason().contains("cannot connect to 127.0.0.1:" + broker.port()));
        assertEquals(ConnectorStatus.OFFLINE, c.health().status());
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("openssl " + args[0] + " failed: " + out);
        }
    }
}
