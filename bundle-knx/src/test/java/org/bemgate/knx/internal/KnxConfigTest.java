package org.bemgate.knx.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.testsupport.VirtualTime;
import org.junit.After;
import org.junit.Test;

/** A bad configuration makes the connector FAILED with a reason naming the property; a good one registers its datapoints. */
public class KnxConfigTest {

    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(System::currentTimeMillis, 1000);
    private final VirtualTime time = new VirtualTime();
    private KnxConnector connector;

    @After
    public void tearDown() {
        if (connector != null) {
            connector.close();
        }
        registry.close();
    }

    /** On virtual time that is never run: nothing reaches the network. */
    private KnxConnector start(Object... props) {
        Object[] all = new Object[props.length + 6];
        all[0] = "name";
        all[1] = "house";
        all[2] = "host";
        all[3] = "192.0.2.1";
        all[4] = "datapoints";
        all[5] = KnxDatapointsTest.BEMCOM_EXAMPLE;
        System.arraycopy(props, 0, all, 6, props.length);
        connector = new KnxConnector(registry, TestConfigs.config(all), time.newScheduler(), System::currentTimeMillis);
        return connector;
    }

    private void assertFailed(String reasonStart, Object... props) {
        KnxConnector c = start(props);
        assertEquals(ConnectorStatus.FAILED, c.health().status());
        assertTrue(c.health().reason(), c.health().reason().startsWith(reasonStart));
        WriteOutcome o = c.write("2/3/113", true).toCompletableFuture().join();
        assertEquals(WriteOutcome.Status.FAILED, o.status());
        assertTrue(o.reason(), o.reason().startsWith("the connector is FAILED: " + reasonStart));
        assertTrue("nothing to run: no connection is tried", !time.runDue());
        assertTrue("a FAILED connector registers nothing", registry.get(DatapointId.of("house", "2/3/111")).isEmpty());
        c.close();
        connector = null;
    }

    @Test
    public void badPropertiesAreNamedInTheReason() {
        assertFailed("host: not set", "host", " ");
        assertFailed("port: must be 1 to 65535, not 0", "port", 0);
        assertFailed("datapoints: not set; give BEMCom's KNX_DATAPOINTS", "datapoints", "");
        assertFailed("datapoints: group address 2/3/111 (sensor): DPST-2-1 is not supported", "datapoints",
                "{\"sensor\": {\"2/3/111\": \"DPST-2-1\"}}");
        assertFailed("datapoints: not valid JSON", "datapoints", "{sensor");
        assertFailed("name: connector name 'my house' must not contain", "name", "my house");
        assertFailed("localAddress: 192.0.2.77 is not an address of this machine", "localAddress", "192.0.2.77");
        assertFailed("reconnectSeconds: must be more than 0", "reconnectSeconds", 0.0);
        assertFailed("maxReconnectSeconds: must be at least reconnectSeconds", "maxReconnectSeconds", 0.1);
        assertFailed("activeDatapoints: '1/1/1' is not a group address of datapoints", "activeDatapoints", new String[] { "1/1/1" });
    }

    @Test
    public void datapointsAreRegisteredWithMetadataFromTheDpt() {
        KnxConnector c = start("activeDatapoints", new String[] { "2/3/112, 2/3/113" });
        assertEquals(ConnectorStatus.STARTING, c.health().status());
        DatapointMetadata step = registry.get(DatapointId.of("house", "2/3/111")).orElseThrow().metadata();
        assertEquals(DatapointType.SENSOR, step.type());
        assertEquals(DataFormat.CONTINUOUS_NUMERIC, step.dataFormat());
        assertEquals("%", step.unit());
        assertEquals(-100.0, step.minValue(), 0);
        DatapointMetadata scaling = registry.get(DatapointId.of("house", "2/3/112")).orElseThrow().metadata();
        assertEquals("%", scaling.unit());
        assertEquals(100.0, scaling.maxValue(), 0);
        assertTrue(scaling.description(), scaling.description().startsWith("DPST-5-1 Scaling"));
        DatapointMetadata sw = registry.get(DatapointId.of("house", "2/3/113")).orElseThrow().metadata();
        assertEquals("a sensor and actuator address is one actuator", DatapointType.ACTUATOR, sw.type());
        assertEquals(DataFormat.BOOL, sw.dataFormat());
        assertNull("BEMCom's actuator example values are null", sw.exampleValue());
        assertEquals(List.of(false, true, true), List.of("2/3/111", "2/3/112", "2/3/113").stream()
                .map(k -> registry.get(DatapointId.of("house", k)).orElseThrow().active()).toList());
    }

    @Test
    public void writesThatDoNotFitTheDptAreRejectedNamingTheGroupAddress() {
        KnxConnector c = start();
        WriteOutcome o = c.write("2/3/113", "on").toCompletableFuture().join();
        assertEquals(WriteOutcome.Status.REJECTED, o.status());
        assertEquals("group address 2/3/113: DPST-1-1 takes true or false, not 'on'", o.reason());
        assertEquals(WriteOutcome.Status.REJECTED, c.write("2/3/111", 5).toCompletableFuture().join().status());
        assertEquals("'2/3/111' is not an actuator of house", c.write("2/3/111", 5).toCompletableFuture().join().reason());
    }
}
