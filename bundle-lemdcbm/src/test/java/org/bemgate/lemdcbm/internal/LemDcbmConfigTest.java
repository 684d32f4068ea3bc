package org.bemgate.lemdcbm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.junit.After;
import org.junit.Test;
import org.bemgate.testsupport.VirtualTime;

/** Bad configurations: FAILED with a reason that names the property, nothing sent, nothing registered. */
public class LemDcbmConfigTest {

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
    private final VirtualTime time = new VirtualTime();

    @After
    public void tearDown() {
        registry.close();
    }

    private String failure(Object... properties) {
        Object[] withName = new Object[properties.length + 2];
        withName[0] = "name";
        withName[1] = "m";
        System.arraycopy(properties, 0, withName, 2, properties.length);
        LemDcbmConnector c = new LemDcbmConnector(registry, TestConfigs.config(withName), time.newScheduler(), System::currentTimeMillis);
        assertTrue("nothing scheduled", !time.runDue());
        assertEquals(c.health().reason(), ConnectorStatus.FAILED, c.health().status());
        CompletableFuture<WriteOutcome> w = c.write(MeterDatapoints.START, "tx").toCompletableFuture();
        assertTrue(w.isDone());
        assertEquals(WriteOutcome.Status.FAILED, w.join().status());
        c.close();
        return c.health().reason();
    }

    @Test
    public void eachBadPropertyIsNamed() {
        assertTrue(failure().startsWith("host: not set"));
        assertTrue(failure("host", "http://meter/").startsWith("host: 'http://meter/' is not an address"));
        assertTrue(failure("host", "1.2.3.4", "port", 0).startsWith("port: must be within 1–65535, not 0"));
        assertTrue(failure("host", "1.2.3.4", "meterCertificate", "MIIB").startsWith("meterCertificate: no '-----BEGIN CERTIFICATE-----'"));
        assertTrue(failure("host", "1.2.3.4", "meterCertificate", "-----BEGIN CERTIFICATE-----QUJD-----END CERTIFICATE-----")
                .startsWith("meterCertificate: not an X.509 certificate"));
        assertTrue(failure("host", "1.2.3.4", "ntpServer2", "10.0.0.2").startsWith("ntpServer2: set only together with ntpServer1"));
        assertTrue(failure("host", "1.2.3.4", "ntpServer1", "10.0.0.1", "ntpServer1Port", 70_000).startsWith("ntpServer1Port"));
        assertTrue(failure("host", "1.2.3.4", "initialConnectionRetries", -1).startsWith("initialConnectionRetries: must be at least 0"));
        assertTrue(failure("host", "1.2.3.4", "transactionRequestRetryDelay", -5).startsWith("transactionRequestRetryDelay"));
        assertTrue(failure("host", "1.2.3.4", "timeoutMillis", 50_000).startsWith("timeoutMillis: must be within"));
        assertTrue(failure("host", "1.2.3.4", "pollMillis", 10).startsWith("pollMillis: must be at least 100"));
        assertTrue(failure("host", "1.2.3.4", "activeDatapoints", new String[] { "ocmf, bogus" })
                .startsWith("activeDatapoints: 'bogus' is not a datapoint"));
    }

    @Test
    public void aFailedConnectorRegistersNoDatapoints() {
        failure("host", "1.2.3.4", "port", -1);
        assertTrue(registry.get(DatapointId.of("m", MeterDatapoints.METER_ID)).isEmpty());
    }

    @Test
    public void aBadNameIsNamed() {
        LemDcbmConnector c = new LemDcbmConnector(registry, TestConfigs.config("name", "my meter", "host", "1.2.3.4"), time.newScheduler(),
                System::currentTimeMillis);
        assertTrue(c.health().reason(), c.health().reason().startsWith("name: "));
    }
}
