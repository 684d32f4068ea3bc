package org.bemgate.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class DatapointIdTest {

    @Test
    public void splitsAtTheFirstSlashSoKnxAddressesStayWhole() {
        DatapointId id = DatapointId.parse("knx-hall/2/3/111");
        assertEquals("knx-hall", id.connector());
        assertEquals("2/3/111", id.key());
        assertEquals("knx-hall/2/3/111", id.toString());
    }

    @Test
    public void keepsBemcomKeysWithSpacesAndUnderscores() {
        DatapointId id = DatapointId.of("keba-garage", "p30_garage__report 2__Curr user");
        assertEquals(id, DatapointId.parse("keba-garage/p30_garage__report 2__Curr user"));
    }

    @Test
    public void rejectsTextWithoutConnector() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatapointId.parse("nokey"));
        assertEquals("'nokey' is not a datapoint id: expected <connector>/<key>", e.getMessage());
    }

    @Test
    public void rejectsConnectorNamesThatBreakMqttTopics() {
        assertThrows(IllegalArgumentException.class, () -> DatapointId.of("a+b", "k"));
        assertThrows(IllegalArgumentException.class, () -> DatapointId.of("a b", "k"));
        assertThrows(IllegalArgumentException.class, () -> DatapointId.of("demo", ""));
    }

    @Test
    public void parsesDataFormatsByBemcomName() {
        assertEquals(DataFormat.CONTINUOUS_NUMERIC, DataFormat.parse("continuous_numeric"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFormat.parse("float"));
        assertEquals("unknown data format 'float': expected one of generic_numeric, continuous_numeric, "
                + "discrete_numeric, generic_text, discrete_text, bool, unknown", e.getMessage());
    }
}
