package org.bemgate.core.internal.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.db.H2Files;
import org.junit.Test;

/** What a restart or an upgrade of the core must keep: reopening the registry on the same H2 file. */
public class RegistryPersistenceTest {

    private static final DatapointId SET = DatapointId.of("room", "write_register__1__1");
    private static final DatapointId TEMP = DatapointId.of("room", "read_input_registers__1__1");

    @Test
    public void metadataActivationNumbersAndLatestMessagesSurviveAReopen() throws Exception {
        String base = H2Files.newBase();
        long t = System.currentTimeMillis();
        Setpoint setpoint = new Setpoint(List.of(new SetpointItem(null, t + 60_000, 21.0, null, 19.0, 23.0)), t);
        Schedule schedule = new Schedule(List.of(new ScheduleItem(null, t + 60_000, 20.5), new ScheduleItem(t + 60_000, null, null)), t);
        long tempNumber;
        Database db = H2Files.open(base);
        DatapointRegistryImpl first = DatapointRegistryImpl.open(db, System::currentTimeMillis, 1000);
        first.register("room", List.of(
                DatapointMetadata.builder(TEMP, DatapointType.SENSOR).dataFormat(DataFormat.GENERIC_NUMERIC).unit("°C").exampleValue(21.0).build(),
                DatapointMetadata.builder(SET, DatapointType.ACTUATOR).dataFormat(DataFormat.CONTINUOUS_NUMERIC)
                        .minValue(15.0).maxValue(30.0).allowedValues(null).build()));
        first.updateMetadata(first.get(TEMP).get().metadata().toBuilder().shortName("T_room").build());
        first.setActive(List.of(TEMP, SET), true);
        first.publish(TEMP, new Value(21.4, t));
        first.setSetpoint(SET, setpoint);
        first.setSchedule(SET, schedule);
        tempNumber = first.get(TEMP).get().number();
        first.close();
        db.close();

        Database again = H2Files.open(base);
        DatapointRegistryImpl second = DatapointRegistryImpl.open(again, System::currentTimeMillis, 1000);
        try {
            Datapoint temp = second.get(TEMP).get();
            assertTrue(temp.active());
            assertEquals(tempNumber, temp.number());
            assertEquals("T_room", temp.metadata().shortName());
            assertEquals("°C", temp.metadata().unit());
            assertEquals(21.0, temp.metadata().exampleValue());
            assertEquals(new Value(21.4, t), temp.value());
            Datapoint set = second.get(SET).get();
            assertEquals(30.0, set.metadata().maxValue(), 0);
            assertEquals(setpoint, set.setpoint());
            assertEquals(schedule, set.schedule());
            // numbers are never reused, even after a removal and a restart
            second.remove(List.of(SET));
            second.register("room", List.of(DatapointMetadata.builder(DatapointId.of("room", "new"), DatapointType.SENSOR).build()));
            assertTrue(second.get(DatapointId.of("room", "new")).get().number() > set.number());
            assertFalse(second.get(DatapointId.of("room", "new")).get().active());
        } finally {
            second.close();
            again.close();
        }
    }
}
