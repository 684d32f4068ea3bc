package org.bemgate.ieee20305.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.testsupport.TestPki;
import org.bemgate.testsupport.VirtualTime;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Test;

/** Bad configurations: FAILED with a reason that names the property, nothing sent, nothing registered, no secret in the reason. */
public class Ieee20305ConfigTest {

    private static TestPki pki;
    private static Path dir;
    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
    private final VirtualTime time = new VirtualTime();

    @BeforeClass
    public static void pki() throws Exception {
        pki = TestPki.shared();
        dir = Files.createTempDirectory("bemgate-2030-5-config");
    }

    @After
    public void tearDown() {
        registry.close();
    }

    private Object[] good(Object... more) {
        List<Object> p = new ArrayList<>(List.of("name", "dso", "baseUrl", "https://127.0.0.1:1", "clientCertificate",
                pki.clientCertPem().toString(), "clientKey", pki.clientKeyPem().toString(), "trustedCa", pki.caPem().toString(), "devices",
                ServerBench.TWO_SITES));
        p.addAll(Arrays.asList(more));
        return p.toArray();
    }

    private String failure(Object... properties) {
        Ieee20305Connector c = new Ieee20305Connector(registry, TestConfigs.config(properties), time.newScheduler(),
                System::currentTimeMillis);
        assertFalse("nothing scheduled", time.runDue());
        assertEquals(c.health().reason(), ConnectorStatus.FAILED, c.health().status());
        assertEquals(WriteOutcome.Status.REJECTED, c.write("x", 1).toCompletableFuture().join().status());
        c.close();
        return c.health().reason();
    }

    private static Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    public void theGoodConfigurationIsAccepted() {
        Ieee20305Connector c = new Ieee20305Connector(registry, TestConfigs.config(good()), time.newScheduler(), System::currentTimeMillis);
        assertEquals(ConnectorStatus.STARTING, c.health().status());
        c.close();
    }

    @Test
    public void connectionPropertiesAreNamed() {
        assertTrue(failure(good("name", "my dso")).startsWith("name: "));
        assertTrue(failure(good("baseUrl", "")).startsWith("baseUrl: not set"));
        assertTrue(failure(good("baseUrl", "ftp://x")).startsWith("baseUrl: 'ftp://x' is not https://host"));
        assertTrue(failure(good("baseUrl", "https://h/?q=1")).startsWith("baseUrl: "));
        assertTrue(failure(good("dcapPath", "dcap")).startsWith("dcapPath: 'dcap' must be a path"));
        assertTrue(failure(good("clientCertificate", "")).startsWith("clientCertificate: not set; a 2030.5 server over https://"));
        assertTrue(failure(good("clientCertificate", "/nonexistent/cert.pem")).startsWith("clientCertificate: cannot read /nonexistent"));
        assertTrue(failure(good("clientKey", "")).startsWith("clientKey: not set"));
        assertTrue(failure(good("trustedCa", "/nonexistent/ca.pem")).startsWith("trustedCa: cannot read"));
        assertTrue(failure(good("lfdi", "0x1234")).startsWith("lfdi: '0x1234' is not an LFDI"));
        assertTrue(failure(good("lfdi", "00112233445566778899AABBCCDDEEFF00112233"))
                .startsWith("lfdi: 00112233445566778899AABBCCDDEEFF00112233 is not the LFDI of the client certificate"));
        assertTrue(failure("name", "dso", "baseUrl", "http://127.0.0.1:1").startsWith("lfdi: not set; with http://"));
        assertTrue(failure(good("csipausNamespace", "urn:x")).startsWith("csipausNamespace: 'urn:x' is neither"));
        assertTrue(failure(good("minPollSeconds", 0)).startsWith("minPollSeconds: must be at least 1"));
        assertTrue(failure(good("maxRetrySeconds", 1)).startsWith("maxRetrySeconds: must be at least 5"));
        assertTrue(failure(good("timeoutMillis", 10)).startsWith("timeoutMillis: must be within"));
        assertTrue(failure(good("activeDatapoints", new String[] { "site1__opModExpLimW, bogus" }))
                .startsWith("activeDatapoints: 'bogus' is not a datapoint"));
    }

    @Test
    public void keysInFormatsTheJdkCannotReadAreRefusedWithTheFix() throws Exception {
        String sec1 = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\n";
        assertTrue(failure(good("clientKey", file("sec1.pem", sec1).toString())).contains("clientKey: " + dir.resolve("sec1.pem")
                + " is a SEC1 EC key (BEGIN EC PRIVATE KEY), which the JDK cannot read; convert it with: openssl pkcs8 -topk8 -nocrypt"));
        String enc = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assertTrue(failure(good("clientKey", file("enc.pem", enc).toString())).startsWith("clientKey: " + dir.resolve("enc.pem")
                + " is an encrypted PKCS#8 key"));
        assertTrue(failure(good("clientKey", pki.caPem().toString())).startsWith("clientKey: " + pki.caPem() + " holds no private key"));
        assertTrue(failure(good("clientKey", pki.otherClientKeyPem().toString()))
                .startsWith("clientKey: the private key does not belong to the certificate CN=bemgate test aggregator"));
        assertTrue(failure(good("clientCertificate", pki.clientKeyPem().toString())).startsWith("clientCertificate: "
                + pki.clientKeyPem() + " holds no '-----BEGIN CERTIFICATE-----' block"));
    }

    @Test
    public void aWrongPkcs12PasswordIsNamedAndNeverShown() {
        String reason = failure(good("clientCertificate", pki.clientP12().toString(), "clientKey", "", "_clientKeyPassword",
                "s3cr3t-wrong"));
        assertTrue(reason, reason.startsWith(".clientKeyPassword: wrong password for the PKCS#12 store"));
        assertFalse(reason, reason.contains("s3cr3t-wrong"));
    }

    @Test
    public void devicesAreCheckedFieldByField() {
        assertTrue(failure(good("devices", "{")).startsWith("devices: not valid JSON"));
        assertTrue(failure(good("devices", "{}")).startsWith("devices: expected a JSON array"));
        assertTrue(failure(good("devices", "[{\"der\": {\"type\": 4, \"rtgMaxW\": 1}}]")).startsWith("devices[0].id: required"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\"}]")).startsWith("devices[0].der: required"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"der\": {\"type\": 4}}]")).startsWith("devices[0].der.rtgMaxW: required"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"der\": {\"type\": 4, \"rtgMaxW\": 1, \"modesSupported\": 5}}]"))
                .startsWith("devices[0].der.modesSupported: expected a string of at most 8 hexadecimal digits"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"deviceCategory\": 262144, \"der\": {\"type\": 4, \"rtgMaxW\": 1}}]"))
                .startsWith("devices[0].deviceCategory: expected a string of at most 8 hexadecimal digits"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"lfdi\": \"1172794507551\", \"der\": {\"type\": 4, \"rtgMaxW\": 1}}]"))
                .startsWith("devices[0].lfdi: '1172794507551' is not an LFDI"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"nmi\": \"" + "N".repeat(33) + "\", \"der\": {\"type\": 4, \"rtgMaxW\": 1}}]"))
                .startsWith("devices[0].nmi: 1 to 32 characters"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"der\": {\"type\": 4, \"rtgMaxW\": 1}, \"colour\": 1}]"))
                .startsWith("devices[0].colour: unknown field"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"der\": {\"type\": 4, \"rtgMaxW\": 1}}, {\"id\": \"a\", \"der\": "
                + "{\"type\": 4, \"rtgMaxW\": 1}}]")).startsWith("devices[1].id: 'a' is used twice"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"der\": {\"type\": 4, \"rtgMaxW\": 1}, \"deviceInformation\": "
                + "{\"mfModel\": \"m\", \"mfSerNum\": \"s\"}}]")).startsWith("devices[0].deviceInformation.mfId: required"));
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"der\": {\"type\": 4, \"rtgMaxW\": 1}, \"status\": "
                + "{\"stateOfChargePercent\": 120}}]")).startsWith("devices[0].status.stateOfChargePercent: expected a percentage"));
    }

    @Test
    public void aSitesLfdiEqualToTheAggregatorsIsRefused() throws Exception {
        String agg = org.bemgate.ieee20305.internal.codec.DeviceIds.lfdi(pki.clientCertificate().getEncoded());
        assertTrue(failure(good("devices", "[{\"id\": \"a\", \"lfdi\": \"" + agg + "\", \"der\": {\"type\": 4, \"rtgMaxW\": 1}}]"))
                .startsWith("devices[0].lfdi: must differ from the aggregator's own LFDI"));
    }

    @Test
    public void aFailedConnectorRegistersNoDatapoints() {
        failure(good("baseUrl", ""));
        assertTrue(registry.get(DatapointId.of("dso", Datapoints.AGGREGATOR_LFDI)).isEmpty());
    }

    @Test
    public void aPkcs1RsaKeyIsWrappedIntoPkcs8() throws Exception {
        // PKCS#8 of an RSA key = SEQUENCE { 0, rsaEncryption, OCTET STRING { PKCS#1 } }: unwrap, rewrap, compare
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        byte[] pkcs8 = g.generateKeyPair().getPrivate().getEncoded();
        int octet = 1 + lengthBytes(pkcs8, 1) + 3 + 15;
        assertEquals(0x04, pkcs8[octet]);
        int len = pkcs8.length - octet - 1 - lengthBytes(pkcs8, octet + 1);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, pkcs8.length - len, pkcs8.length);
        assertEquals(Base64.getEncoder().encodeToString(pkcs8),
                Base64.getEncoder().encodeToString(org.bemgate.ieee20305.internal.client.ClientIdentityAccess.wrapRsa(pkcs1)));
    }

    private static int lengthBytes(byte[] der, int at) {
        return (der[at] & 0x80) == 0 ? 1 : 1 + (der[at] & 0x7f);
    }
}
