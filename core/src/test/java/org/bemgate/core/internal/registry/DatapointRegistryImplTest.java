package org.bemgate.core.internal.registry;

import static org.bemgate.core.internal.registry.RegistryTestSupport.waitFor;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.bemgate.core.api.InvalidMessageException;
import org.bemgate.core.api.Sample;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.core.internal.registry.RegistryTestSupport.Recorder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class DatapointRegistryImplTest {

    private static final DatapointId TEMP = DatapointId.of("room", "temp");
    private static final DatapointId SET = DatapointId.of("room", "set");

    private DatapointRegistryImpl registry;

    @Before
    public void setUp() throws Exception {
        registry = new DatapointRegistryImpl(null, System::currentTimeMillis, 300, 5, 200_000);
        registry.register("room", List.of(
                DatapointMetadata.builder(TEMP, DatapointType.SENSOR).dataFormat(DataFormat.GENERIC_NUMERIC).unit("°C").exampleValue(21).build(),
                DatapointMetadata.builder(SET, DatapointType.ACTUATOR).dataFormat(DataFormat.CONTINUOUS_NUMERIC)
                        .minValue(15.0).maxValue(30.0).build()));
    }

    @After
    public void tearDown() {
        registry.close();
    }

    private static Value now(Object v) {
        return new Value(v, System.currentTimeMillis());
    }

    @Test
    public void newDatapointsArriveInactiveWithDistinctNumbers() {
        assertFalse(registry.get(TEMP).get().active());
        assertTrue(registry.get(TEMP).get().number() > 0);
        assertTrue(registry.get(TEMP).get().number() != registry.get(SET).get().number());
        assertEquals(TEMP, registry.byNumber(registry.get(TEMP).get().number()).get().id());
    }

    @Test
    public void reRegistrationKeepsOperatorEditsWhereTheConnectorSaysNothing() {
        registry.updateMetadata(registry.get(TEMP).get().metadata().toBuilder().shortName("T_room").description("living room").build());
        registry.setActive(List.of(TEMP), true);
        long number = registry.get(TEMP).get().number();
        registry.register("room", List.of(DatapointMetadata.builder(TEMP, DatapointType.SENSOR).unit("K").exampleValue(294).build()));
        DatapointMetadata m = registry.get(TEMP).get().metadata();
        assertEquals("T_room", m.shortName());
        assertEquals("living room", m.description());
        assertEquals("K", m.unit());
        assertEquals(DataFormat.GENERIC_NUMERIC, m.dataFormat());
        assertEquals(294, m.exampleValue());
        assertTrue(registry.get(TEMP).get().active());
        assertEquals(number, registry.get(TEMP).get().number());
    }

    @Test
    public void anEditWithMinAboveMaxIsRefusedAndChangesNothing() {
        DatapointMetadata before = registry.get(TEMP).get().metadata();
        InvalidMessageException e = assertThrows(InvalidMessageException.class,
                () -> registry.updateMetadata(before.toBuilder().minValue(50.0).maxValue(30.0).build()));
        assertTrue(e.getMessage(), e.getMessage().contains("min_value 50.0 of room/temp is above its max_value 30.0"));
        assertEquals(before, registry.get(TEMP).get().metadata());
    }

    @Test
    public void registeringAnotherConnectorsDatapointIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> registry.register("other",
                List.of(DatapointMetadata.builder(TEMP, DatapointType.SENSOR).build())));
    }

    @Test
    public void publishValidatesAndKeepsTheLatestValue() {
        registry.publish(TEMP, now(21.5));
        assertEquals(21.5, registry.get(TEMP).get().value().value());
        assertThrows(InvalidMessageException.class, () -> registry.publish(TEMP, now("warm")));
        assertThrows(UnknownDatapointException.class, () -> registry.publish(DatapointId.of("room", "nope"), now(1)));
        int refused = registry.publishAll(List.of(new Sample(TEMP, now(22)), new Sample(TEMP, now(true)),
                new Sample(DatapointId.of("x", "y"), now(1))));
        assertEquals(2, refused);
        assertEquals(22, registry.latestValues(List.of(TEMP, SET)).get(TEMP).value());
        assertFalse(registry.latestValues(List.of(TEMP, SET)).containsKey(SET));
    }

    @Test
    public void findFiltersByPatternConnectorTypeAndActivation() {
        registry.setActive(List.of(SET), true);
        assertEquals(List.of(SET), ids(registry.find(new DatapointFilter(null, null, null, true))));
        assertEquals(List.of(TEMP), ids(registry.find(new DatapointFilter("room/t*", null, null, null))));
        assertEquals(List.of(SET), ids(registry.find(new DatapointFilter(null, "room", DatapointType.ACTUATOR, null))));
        assertEquals(List.of(), ids(registry.find(DatapointFilter.connector("other"))));
        assertThrows(UnknownDatapointException.class, () -> registry.setActive(List.of(TEMP, DatapointId.of("room", "x")), true));
        assertFalse("nothing changes when one id is unknown", registry.get(TEMP).get().active());
    }

    @Test
    public void writesAreValidatedAndRoutedToTheOwningConnector() throws Exception {
        assertEquals(WriteOutcome.failed("connector 'room' is not running"), registry.write(SET, now(20)).toCompletableFuture().get());
        FakeConnector room = new FakeConnector("room", (k, v) -> CompletableFuture.completedFuture(WriteOutcome.accepted()));
        registry.addConnector(room);
        assertTrue(registry.write(SET, now(20)).toCompletableFuture().get().isAccepted());
        assertEquals(List.of("set=20"), room.writes);
        assertEquals(20, registry.get(SET).get().value().value());
        assertEquals("value 31 is above max_value 30.0 (room/set)",
                assertThrows(InvalidMessageException.class, () -> registry.write(SET, now(31))).getMessage());
        assertEquals("room/temp is a sensor: only actuators take a value",
                assertThrows(InvalidMessageException.class, () -> registry.write(TEMP, now(20))).getMessage());
        assertEquals(List.of("set=20"), room.writes);
    }

    @Test
    public void rejectedThrowingAndSilentConnectorsGiveTheirOutcome() throws Exception {
        registry.addConnector(new FakeConnector("room", (k, v) -> CompletableFuture.completedFuture(
                WriteOutcome.rejected("ILLEGAL_DATA_ADDRESS"))));
        assertEquals(WriteOutcome.rejected("ILLEGAL_DATA_ADDRESS"), registry.write(SET, now(20)).toCompletableFuture().get());
        registry.addConnector(new FakeConnector("room", (k, v) -> {
            throw new IllegalStateException("socket closed");
        }));
        assertEquals(WriteOutcome.Status.FAILED, registry.write(SET, now(20)).toCompletableFuture().get().status());
        registry.addConnector(new FakeConnector("room", (k, v) -> new CompletableFuture<>()));
        WriteOutcome silent = registry.write(SET, now(20)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(WriteOutcome.Status.FAILED, silent.status());
        assertTrue(silent.reason(), silent.reason().startsWith("timeout"));
        assertEquals("no accepted write, so no latest value", null, registry.get(SET).get().value());
    }

    @Test
    public void listenersGetWhatTheirPropertiesAskFor() {
        Recorder all = new Recorder();
        Recorder activeValues = new Recorder();
        registry.addListener(all, Map.of());
        registry.addListener(activeValues, Map.of(DatapointListener.DATAPOINTS, "room/t*",
                DatapointListener.KINDS, new String[] { "VALUE", "ACTIVATION" }, DatapointListener.ACTIVE_ONLY, true));
        registry.publish(TEMP, now(1));
        registry.publish(SET, now(20));
        registry.setActive(List.of(TEMP), true);
        registry.publish(TEMP, now(2));
        waitFor(() -> all.size() == 4 && activeValues.size() == 2, 5000, "events");
        assertEquals(List.of(EventKind.ACTIVATION, EventKind.VALUE), kinds(activeValues.events));
        assertEquals(2, activeValues.events.get(1).value().value());
        assertTrue(activeValues.events.get(1).active());
    }

    @Test
    public void aThrowingOrBlockingListenerDoesNotStopTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        registry.addListener(e -> {
            throw new IllegalStateException("listener bug");
        }, ListenerFilter.all());
        registry.addListener(e -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, ListenerFilter.all());
        Recorder healthy = new Recorder();
        registry.addListener(healthy, ListenerFilter.all());
        long start = System.nanoTime();
        for (int i = 0; i < 5000; i++) {
            registry.publish(TEMP, now(i));
        }
        assertTrue("publishing never waits for listeners", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        waitFor(() -> healthy.size() == 5000, 5000, "the healthy listener's events");
        for (int i = 0; i < 5000; i++) {
            assertEquals("in publish order", (long) i, ((Number) healthy.events.get(i).value().value()).longValue());
        }
        assertTrue("the throwing listener's failures are counted",
                registry.listenerStats().values().stream().anyMatch(s -> s[2] > 0));
        release.countDown();
    }

    @Test
    public void aListenerThatFallsBehindLosesItsOldestEventsOnly() throws Exception {
        DatapointRegistryImpl small = new DatapointRegistryImpl(null, System::currentTimeMillis, 300, 5, 1000);
        try {
            small.register("room", List.of(DatapointMetadata.builder(TEMP, DatapointType.SENSOR).build()));
            CountDownLatch release = new CountDownLatch(1);
            Recorder slow = new Recorder() {
                @Override
                public void onEvents(List<DatapointEvent> batch) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    super.onEvents(batch);
                }
            };
            small.addListener(slow, ListenerFilter.all());
            small.publish(TEMP, now(-1));
            waitFor(() -> small.listenerStats().values().iterator().next()[3] == 0, 5000, "the first batch to be taken");
            for (int i = 0; i < 5000; i++) {
                small.publish(TEMP, now(i));
            }
            long[] stats = small.listenerStats().values().iterator().next();
            assertEquals("dropped beyond the queue's capacity", 4000, stats[1]);
            release.countDown();
            waitFor(() -> slow.size() == 1001, 5000, "the kept events");
            assertEquals("the newest events are kept", 4999L, ((Number) slow.events.get(1000).value().value()).longValue());
            assertEquals(4000L, ((Number) slow.events.get(1).value().value()).longValue());
        } finally {
            small.close();
        }
    }

    @Test
    public void manyPublishersEndWithEveryDatapointsLastValue() throws Exception {
        List<DatapointMetadata> dps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            dps.add(DatapointMetadata.builder(DatapointId.of("bulk", "dp" + i), DatapointType.SENSOR).build());
        }
        registry.register("bulk", dps);
        Recorder rec = new Recorder();
        registry.addListener(rec, Map.of(DatapointListener.DATAPOINTS, "bulk/*"));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t * 25;
            Thread th = new Thread(() -> {
                for (int round = 0; round <= 1000; round++) {
                    for (int i = offset; i < offset + 25; i++) {
                        registry.publish(DatapointId.of("bulk", "dp" + i), now(round));
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(1000, registry.get(DatapointId.of("bulk", "dp" + i)).get().value().value());
        }
        waitFor(() -> rec.size() == 100 * 1001, 10_000, "all events");
    }

    @Test
    public void closingStopsEveryListenerThread() {
        registry.addListener(new Recorder(), ListenerFilter.all());
        registry.close();
        waitFor(() -> DatapointRegistryImpl.threadCounts().isEmpty(), 5000, "registry threads to end");
    }

    @Test
    public void removedDatapointsComeBackInactiveWithANewNumber() {
        long old = registry.get(TEMP).get().number();
        registry.setActive(List.of(TEMP), true);
        assertEquals(1, registry.remove(List.of(TEMP)));
        assertTrue(registry.get(TEMP).isEmpty());
        registry.register("room", List.of(DatapointMetadata.builder(TEMP, DatapointType.SENSOR).build()));
        assertFalse(registry.get(TEMP).get().active());
        assertTrue(registry.get(TEMP).get().number() > old);
    }

    private static List<DatapointId> ids(List<org.bemgate.core.api.Datapoint> dps) {
        List<DatapointId> out = new ArrayList<>();
        dps.forEach(d -> out.add(d.id()));
        return out;
    }

    private static List<EventKind> kinds(List<DatapointEvent> events) {
        List<EventKind> out = new ArrayList<>();
        events.forEach(e -> out.add(e.kind()));
        return out;
    }

    /** A connector whose writes are answered by a function. */
    static final class FakeConnector implements Connector {
        final String name;
        final BiFunction<String, Object, CompletionStage<WriteOutcome>> answer;
        final List<String> writes = new ArrayList<>();

        FakeConnector(String name, BiFunction<String, Object, CompletionStage<WriteOutcome>> answer) {
            this.name = name;
            this.answer = answer;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String protocol() {
            return "fake";
        }

        @Override
        public ConnectorHealth health() {
            return new HealthTracker().snapshot();
        }

        @Override
        public CompletionStage<WriteOutcome> write(String key, Object value) {
            writes.add(key + "=" + value);
            return answer.apply(key, value);
        }
    }

}
