package org.bemgate.core.internal.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.junit.Test;

public class ShellTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    public void agesAndTimes() {
        assertEquals("-", Format.age(0, NOW));
        assertEquals("5s", Format.age(NOW - 5_000, NOW));
        assertEquals("3m", Format.age(NOW - 180_000, NOW));
        assertEquals("5h", Format.age(NOW - 5 * 3_600_000L, NOW));
        assertEquals("3d", Format.age(NOW - 3 * 86_400_000L, NOW));
        assertEquals(NOW - 3_600_000, Format.parseTime("-1h", NOW));
        assertEquals(NOW - 90_000, Format.parseTime("-90s", NOW));
        assertEquals(NOW, Format.parseTime("now", NOW));
        assertEquals(NOW - 2 * 86_400_000L, Format.parseTime("now-2d", NOW));
        assertEquals(1_600_000_000_000L, Format.parseTime("2020-09-13T12:26:40Z", NOW));
        assertEquals(1234L, Format.parseTime("1234", NOW));
        assertEquals(900_000L, Format.parseDuration("15m").toMillis());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Format.parseTime("yesterday", NOW)).getMessage()
                .startsWith("'yesterday' is not a time"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Format.parseDuration("5x")).getMessage()
                .startsWith("'5x' is not a duration"));
    }

    @Test
    public void listShowAndActivationPrintWhatAnOperatorNeeds() {
        DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(() -> NOW, 1000);
        try {
            DatapointId temp = DatapointId.of("room", "temp");
            registry.register("room", List.of(DatapointMetadata.builder(temp, DatapointType.SENSOR)
                    .dataFormat(DataFormat.GENERIC_NUMERIC).unit("°C").build()));
            registry.publish(temp, new Value(21.5, NOW - 4000));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ListCommand.print(registry.find(DatapointFilter.ALL), NOW, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String listed = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(listed, listed.matches("(?s).*room/temp\\s+sensor\\s+no\\s+21.5\\s+4s\\s+°C.*1 datapoints.*"));

            assertEquals("1 datapoints activated (1 matched)", ActivationCommands.apply(registry, List.of("room/*"), true));
            assertEquals("0 datapoints activated (1 matched)", ActivationCommands.apply(registry, List.of("room/temp"), true));
            assertEquals("unknown datapoint 'room/nope'", ActivationCommands.apply(registry, List.of("room/nope"), true));
            assertEquals("no datapoint matches x/*", ActivationCommands.apply(registry, List.of("x/*"), false));

            bytes.reset();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ShowCommand.show(registry, "room/temp", NOW, new PrintStream(bytes, true), new PrintStream(err, true));
            String shown = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(shown, shown.contains("active:         true") && shown.contains("number:         1"));
            ShowCommand.show(registry, "nosuch/dp", NOW, new PrintStream(bytes, true), new PrintStream(err, true));
            assertEquals("unknown datapoint 'nosuch/dp'", err.toString().trim());

            assertTrue(WriteCommand.write(registry, "room/temp", "20").startsWith("REJECTED: room/temp is a sensor"));
            assertEquals("REJECTED: unknown datapoint 'room/x'", WriteCommand.write(registry, "room/x", "20"));
        } finally {
            registry.close();
        }
    }

    @Test
    public void setpointsAndSchedulesTakeBemcomItemsOrWholeMessagesAndRejectBadOnes() {
        DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(() -> NOW, 1000);
        try {
            DatapointId temp = DatapointId.of("room", "temp");
            DatapointId set = DatapointId.of("room", "set");
            registry.register("room", List.of(
                    DatapointMetadata.builder(temp, DatapointType.SENSOR).dataFormat(DataFormat.GENERIC_NUMERIC).build(),
                    DatapointMetadata.builder(set, DatapointType.ACTUATOR).dataFormat(DataFormat.CONTINUOUS_NUMERIC)
                            .minValue(10.0).maxValue(30.0).build()));

            String stored = SetpointCommand.set(registry, "room/set",
                    "[{\"preferred_value\": 21, \"min_value\": 19, \"max_value\": 25}]", NOW);
            assertTrue(stored, stored.startsWith("setpoint of room/set: ") && stored.contains("\"min_value\":19"));
            assertEquals(NOW, registry.get(set).orElseThrow().setpoint().timestamp());
            String whole = ScheduleCommand.set(registry, "room/set",
                    "{\"schedule\": [{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 22}], \"timestamp\": 1699999990000}", NOW);
            assertTrue(whole, whole.startsWith("schedule of room/set"));
            assertEquals(1_699_999_990_000L, registry.get(set).orElseThrow().schedule().timestamp());
            assertEquals(22, ((Number) registry.get(set).orElseThrow().schedule().items().get(0).value()).intValue());

            assertTrue(ScheduleCommand.set(registry, "room/set", "[]", NOW).startsWith("schedule of room/set"));
            assertTrue(registry.get(set).orElseThrow().schedule().items().isEmpty());

            assertTrue(SetpointCommand.set(registry, "room/temp", "[]", NOW).startsWith("REJECTED: room/temp is a sensor"));
            assertEquals("REJECTED: unknown datapoint 'room/x'", SetpointCommand.set(registry, "room/x", "[]", NOW));
            String notJson = ScheduleCommand.set(registry, "room/set", "22", NOW);
            assertTrue(notJson, notJson.startsWith("REJECTED: give the schedule items as a JSON list"));
            String outOfRange = ScheduleCommand.set(registry, "room/set", "[{\"value\": 99}]", NOW);
            assertTrue(outOfRange, outOfRange.startsWith("REJECTED: ") && outOfRange.contains("99"));
            assertTrue("a rejected schedule leaves the stored one", registry.get(set).orElseThrow().schedule().items().isEmpty());
        } finally {
            registry.close();
        }
    }
}
