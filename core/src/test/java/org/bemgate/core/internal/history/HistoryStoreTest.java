package org.bemgate.core.internal.history;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.EventKind;
import org.bemgate.core.api.MessageKind;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.history.Aggregation;
import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.internal.db.H2Files;
import org.junit.Before;
import org.junit.Test;

public class HistoryStoreTest {

    private static final DatapointId ID = DatapointId.of("room", "temp");
    private HistoryStore store;

    @Before
    public void setUp() throws Exception {
        store = new HistoryStore(H2Files.open(H2Files.newBase()), 100_000);
    }

    private static DatapointEvent value(long number, long ts, Object v) {
        return new DatapointEvent(EventKind.VALUE, ID, number, DatapointType.SENSOR, true, new Value(v, ts));
    }

    private List<HistoryPoint> query(long from, long to, long interval, Aggregation agg) throws Exception {
        return store.query(7, new HistoryQuery(ID, MessageKind.VALUE, from, to, interval, agg, 0));
    }

    @Test
    public void rawRangesAreHalfOpenOldestFirstAndKeepValueTypes() throws Exception {
        store.write(List.of(value(7, 3000, 3), value(7, 1000, 1.5), value(7, 2000, true), value(7, 4000, "text"),
                value(7, 5000, Map.of("a", 1)), value(7, 6000, null), value(8, 2000, 99)));
        List<HistoryPoint> points = query(1000, 6000, 0, null);
        assertEquals(List.of(new HistoryPoint(1000, 1.5), new HistoryPoint(2000, true), new HistoryPoint(3000, 3.0),
                new HistoryPoint(4000, "text"), new HistoryPoint(5000, Map.of("a", 1L))), points);
        assertEquals(new HistoryPoint(6000, null), query(6000, 7000, 0, null).get(0));
    }

    @Test
    public void aggregatesPerIntervalStartingAtMultiplesOfIt() throws Exception {
        List<DatapointEvent> events = new ArrayList<>();
        for (int s = 0; s < 120; s++) {
            events.add(value(7, 1_000_000_000_000L + s * 1000L, s));
        }
        events.add(value(7, 1_000_000_000_000L + 5, "ignored by numeric aggregates"));
        store.write(events);
        long from = 1_000_000_000_000L;
        long minute = 60_000;
        // 1_000_000_000_000 is 40 s past a minute boundary: buckets are [.., 20 s], [60 s], [40 s]
        List<HistoryPoint> avg = query(from, from + 120_000, minute, Aggregation.AVG);
        assertEquals(3, avg.size());
        assertEquals(from - 40_000, avg.get(0).timestamp());
        assertEquals(9.5, (Double) avg.get(0).value(), 1e-9);
        assertEquals(49.5, (Double) avg.get(1).value(), 1e-9);
        assertEquals(99.5, (Double) avg.get(2).value(), 1e-9);
        assertEquals(20.0, (Double) query(from, from + 120_000, minute, Aggregation.MIN).get(1).value(), 0);
        assertEquals(79.0, (Double) query(from, from + 120_000, minute, Aggregation.MAX).get(1).value(), 0);
        assertEquals(119.0, query(from, from + 120_000, minute, Aggregation.LAST).get(2).value());
    }

    @Test
    public void theSameDatapointAndMillisecondKeepsTheLaterMessage() throws Exception {
        store.write(List.of(value(7, 1000, 1)));
        store.write(List.of(value(7, 1000, 2)));
        assertEquals(List.of(new HistoryPoint(1000, 2.0)), query(0, 2000, 0, null));
    }

    @Test
    public void setpointsComeBackAsSetpoints() throws Exception {
        Setpoint sp = new Setpoint(List.of(new SetpointItem(null, null, "on", List.of("on", "off"), null, null)), 5000);
        store.write(List.of(new DatapointEvent(EventKind.SETPOINT, ID, 7, DatapointType.ACTUATOR, true, sp)));
        assertEquals(List.of(new HistoryPoint(5000, sp)), store.query(7, new HistoryQuery(ID, MessageKind.SETPOINT, 0, 10_000, 0, null, 0)));
    }

    @Test
    public void retentionDeletesOnlyWhatIsOlder() throws Exception {
        store.write(List.of(value(7, 1000, 1), value(7, 2000, 2), value(7, 3000, 3)));
        assertEquals(2, store.purgeBefore(3000));
        assertEquals(List.of(new HistoryPoint(3000, 3.0)), query(0, 10_000, 0, null));
    }
}
