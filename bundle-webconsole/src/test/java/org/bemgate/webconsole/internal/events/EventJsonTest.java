package org.bemgate.webconsole.internal.events;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.junit.Test;

public class EventJsonTest {

    @Test
    public void aMetadataEventCarriesTheMetadataSoClientsNeedNotFetchIt() {
        DatapointId id = DatapointId.of("room", "set");
        DatapointMetadata md = DatapointMetadata.builder(id, DatapointType.ACTUATOR).dataFormat(DataFormat.CONTINUOUS_NUMERIC)
                .unit("°C").minValue(10.0).maxValue(30.0).description("setpoint").build();
        ConsoleEvent e = EventJson.of(new DatapointEvent(EventKind.METADATA, id, 7, DatapointType.ACTUATOR, true, md));
        Map<String, Object> json = e.json();
        assertEquals("metadata", json.get("type"));
        assertEquals("°C", json.get("unit"));
        assertEquals(30.0, json.get("max_value"));
        assertEquals("continuous_numeric", json.get("data_format"));
    }
}
