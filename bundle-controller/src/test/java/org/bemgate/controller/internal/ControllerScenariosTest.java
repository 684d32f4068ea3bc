package org.bemgate.controller.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.core.internal.registry.DatapointRegistryImpl;
import org.bemgate.core.internal.json.MessageJson;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The scenarios of the reference (§8.3) on a fixed clock, BEMCom's and bemgate's differences, with
 * the real registry in memory and a connector that records what it is asked to write.
 */
public class ControllerScenariosTest {

    private static final long T = 1_580_000_000_000L;
    private static final DatapointId S = DatapointId.of("dev", "sensor");
    private static final DatapointId A = DatapointId.of("dev", "actuator");
    private static final DatapointId A2 = DatapointId.of("dev", "actuator2");

    private final ManualTimers timers = new ManualTimers(T);
    private final DatapointRegistryImpl registry = DatapointRegistryImpl.inMemory(timers::now, 1000);
    private final Recorder device = new Recorder();
    private PairController pair;

    /** A connector that records writes and accepts them, unless told to refuse. */
    static final class Recorder implements Connector {
        final List<Object> writes = new ArrayList<>();
        final List<Object> writes2 = new ArrayList<>();
        volatile boolean refuse;

        @Override
        public String name() {
            return "dev";
        }

        @Override
        public String protocol() {
            return "test";
        }

        @Override
        public ConnectorHealth health() {
            return new HealthTracker().snapshot();
        }

        @Override
        public synchronized CompletionStage<WriteOutcome> write(String key, Object value) {
            if (refuse) {
                return CompletableFuture.completedFuture(WriteOutcome.failed("device unreachable"));
            }
            (key.equals("actuator") ? writes : writes2).add(value);
            return CompletableFuture.completedFuture(WriteOutcome.accepted());
        }
    }

    @Before
    public void setUp() {
        registry.register("dev", List.of(DatapointMetadata.builder(S, DatapointType.SENSOR).build(),
                DatapointMetadata.builder(A, DatapointType.ACTUATOR).build(),
                DatapointMetadata.builder(A2, DatapointType.ACTUATOR).build()));
        registry.addConnector(device);
        pair = new PairController("p", S, A, registry, timers);
        pair.start();
    }

    @After
    public void tearDown() {
        pair.close();
        registry.close();
    }

    private static DatapointEvent event(EventKind kind, DatapointId id, Object payload) {
        return new DatapointEvent(kind, id, 1, id == S ? DatapointType.SENSOR : DatapointType.ACTUATOR, true, payload);
    }

    private void sensor(Object v) {
        pair.onEvent(event(EventKind.VALUE, S, new Value(v, timers.now())));
    }

    private void setpoint(String itemsJson) {
        Setpoint s = MessageJson.readSetpoint("{\"setpoint\": " + itemsJson + ", \"timestamp\": " + timers.now() + "}");
        pair.onEvent(event(EventKind.SETPOINT, A, s));
    }

    private void schedule(String itemsJson) {
        Schedule s = MessageJson.readSchedule("{\"schedule\": " + itemsJson + ", \"timestamp\": " + timers.now() + "}");
        pair.onEvent(event(EventKind.SCHEDULE, A, s));
    }

    private void assertWrites(Object... values) {
        assertEquals(Arrays.asList(values), device.writes);
    }

    private static final String DISCRETE_SP = "[{\"from_timestamp\": null, \"to_timestamp\": null, \"preferred_value\": \"19\","
            + " \"acceptable_values\": [\"17\",\"18\",\"19\",\"20\",\"21\"]}]";
    private static final String BAND_SP = "[{\"from_timestamp\": null, \"to_timestamp\": null, \"preferred_value\": 21,"
            + " \"min_value\": 20, \"max_value\": 22}]";

    @Test
    public void case1SetpointOnly() {
        setpoint("[{\"from_timestamp\": null, \"to_timestamp\": null, \"preferred_value\": 21}]");
        assertWrites(21L);
        assertTrue(pair.state().rule().startsWith("setpoint only"));
    }

    @Test
    public void case2ScheduleOnly() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 19}]");
        assertWrites(19L);
    }

    @Test
    public void case3NoFlexibilityPrefersTheSetpoint() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 19}]");
        setpoint("[{\"from_timestamp\": null, \"to_timestamp\": null, \"preferred_value\": 21}]");
        assertWrites(19L, 21L);
    }

    @Test
    public void cases4To6DiscreteComparesNumbersNumerically() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": \"20\"}]");
        setpoint(DISCRETE_SP);
        sensor("18");
        assertEquals("20", device.writes.get(device.writes.size() - 1));
        sensor("16");
        assertEquals("19", device.writes.get(device.writes.size() - 1));
        sensor(18);
        assertEquals("bemgate: 18 equals \"18\"", "20", device.writes.get(device.writes.size() - 1));
    }

    @Test
    public void case7NullAcceptableValuesAcceptAnything() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": \"20\"}]");
        setpoint("[{\"preferred_value\": \"19\", \"acceptable_values\": null}]");
        sensor("anything");
        assertWrites("20");
    }

    @Test
    public void cases8To10ContinuousBand() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 19}]");
        setpoint(BAND_SP);
        assertEquals("case 10: no sensor value yet", List.of(19L), device.writes);
        sensor(21);
        assertWrites(19L);
        sensor(23);
        assertWrites(19L, 21L);
        sensor(22);
        assertWrites(19L, 21L, 19L);
    }

    @Test
    public void cases11And12NullBounds() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 19}]");
        setpoint("[{\"preferred_value\": 21, \"min_value\": null, \"max_value\": null}]");
        sensor(100);
        assertWrites(19L);
        setpoint("[{\"preferred_value\": 21, \"min_value\": null, \"max_value\": 22}]");
        sensor(23);
        assertWrites(19L, 21L);
    }

    @Test
    public void case13NoRedundantWrites() {
        setpoint("[{\"preferred_value\": 21}]");
        sensor(1);
        sensor(2);
        setpoint("[{\"preferred_value\": 21.0}]");
        assertWrites(21L);
    }

    @Test
    public void case14ItemsEnd() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 19}]");
        setpoint("[{\"from_timestamp\": null, \"to_timestamp\": " + (T + 60_000) + ", \"preferred_value\": 21}]");
        assertWrites(19L, 21L);
        timers.advanceTo(T + 59_999);
        assertWrites(19L, 21L);
        timers.advanceTo(T + 60_000);
        assertWrites(19L, 21L, 19L);
    }

    @Test
    public void cases15And16AnEmptyListClears() {
        schedule("[{\"from_timestamp\": null, \"to_timestamp\": null, \"value\": 19}]");
        setpoint("[{\"preferred_value\": 21}]");
        setpoint("[]");
        assertWrites(19L, 21L, 19L);
        schedule("[]");
        assertWrites(19L, 21L, 19L);
        assertEquals("the actuator keeps its last value", 19L, pair.state().lastValue());
    }

    @Test
    public void case17PrecedenceAsBemcom() {
        timers.advanceTo(550);
        schedule("[{\"from_timestamp\": 500, \"to_timestamp\": 600, \"value\": \"a\"}, {\"from_timestamp\": 100, \"to_timestamp\": null, \"value\": \"b\"}]");
        assertWrites("b");
        timers.advanceTo(700);
        assertWrites("b");
    }

    @Test
    public void case18ItemsStartAndEndOnTime() {
        timers.advanceTo(50);
        schedule("[{\"from_timestamp\": 500, \"to_timestamp\": 600, \"value\": \"a\"}, {\"from_timestamp\": 100, \"to_timestamp\": null, \"value\": \"b\"}]");
        assertWrites();
        timers.advanceTo(100);
        assertWrites("b");
        timers.advanceTo(500);
        assertWrites("b", "a");
        timers.advanceTo(600);
        assertWrites("b", "a", "b");
    }

    @Test
    public void cases19And20ExpiredIgnoredFutureApplied() {
        schedule("[{\"from_timestamp\": " + (T - 2000) + ", \"to_timestamp\": " + (T - 1000) + ", \"value\": 1},"
                + " {\"from_timestamp\": " + (T + 1000) + ", \"to_timestamp\": null, \"value\": 2}]");
        assertWrites();
        assertEquals(T + 1000, pair.state().nextChange());
        timers.advanceTo(T + 1000);
        assertWrites(2L);
    }

    @Test
    public void case21OneSensorServesSeveralActuators() {
        PairController second = new PairController("p2", S, A2, registry, timers);
        second.start();
        setpoint(BAND_SP);
        schedule("[{\"value\": 19}]");
        second.onEvent(event(EventKind.SETPOINT, A2, MessageJson.readSetpoint("{\"setpoint\": [{\"preferred_value\": 5}], \"timestamp\": " + T + "}")));
        sensor(23);
        second.onEvent(event(EventKind.VALUE, S, new Value(23, T)));
        assertEquals(21L, device.writes.get(device.writes.size() - 1));
        assertEquals(List.of(5L), device.writes2);
        second.close();
    }

    @Test
    public void aFailedWriteIsReportedAndRetriedOnTheNextEvent() {
        device.refuse = true;
        setpoint("[{\"preferred_value\": 21}]");
        assertTrue(pair.state().lastOutcome(), pair.state().lastOutcome().contains("device unreachable"));
        device.refuse = false;
        sensor(1);
        assertWrites(21L);
        assertEquals("wrote 21", pair.state().lastOutcome());
    }

    @Test
    public void aPairWithMissingOrWrongDatapointsDoesNothingAndSaysWhy() {
        PairController wrong = new PairController("w", A, S, registry, timers);
        wrong.start();
        assertTrue(wrong.state().problem(), wrong.state().problem().contains("dev/sensor is a sensor, not an actuator"));
        PairController missing = new PairController("m", DatapointId.of("dev", "later"), A2, registry, timers);
        missing.start();
        assertTrue(missing.state().problem(), missing.state().problem().contains("dev/later does not exist"));
        registry.register("dev", List.of(DatapointMetadata.builder(DatapointId.of("dev", "later"), DatapointType.SENSOR).build()));
        missing.onEvent(new DatapointEvent(EventKind.METADATA, DatapointId.of("dev", "later"), 9, DatapointType.SENSOR, false, null));
        assertEquals("", missing.state().problem());
        assertEquals(List.of(), device.writes);
    }

    @Test
    public void whatTheRegistryKeptIsPickedUpOnStart() {
        registry.setSchedule(A, new Schedule(List.of(new ScheduleItem(null, null, 23)), T));
        registry.setSetpoint(A, new Setpoint(List.of(new SetpointItem(null, null, 20, null, 19.0, 25.0)), T));
        PairController restarted = new PairController("r", S, A, registry, timers);
        restarted.start();
        assertEquals(List.of(23), device.writes);
        restarted.close();
    }
}
