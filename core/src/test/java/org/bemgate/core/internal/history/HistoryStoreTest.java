package org.bemgate.core.internal.history;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
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
import org.bemgate.core.internal.db.Database;
import org.bemgate.core.internal.db.H2Files;
import org.bemgate.core.internal.db.SchemaMigrations;
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

    @Test
    public void retentionWalksEveryDatapointAndKeepsOtherDatapointsApart() throws Exception {
        store.write(List.of(value(7, 1000, 1), value(7, 5000, 2), value(8, 1000, 3), value(8, 5000, 4),
                value(HistoryKey.MAX_NUMBER, 1000, 5)));
        assertEquals(3, store.purgeBefore(2000));
        assertEquals(List.of(new HistoryPoint(5000, 2.0)), query(0, 10_000, 0, null));
        assertEquals(List.of(new HistoryPoint(5000, 4.0)),
                store.query(8, new HistoryQuery(ID, MessageKind.VALUE, 0, 10_000, 0, null, 0)));
    }

    @Test
    public void rangesNeverReachIntoTheNextDatapoint() throws Exception {
        store.write(List.of(value(7, HistoryKey.MAX_TIME, 1), value(8, 0, 2)));
        assertEquals(List.of(new HistoryPoint(HistoryKey.MAX_TIME, 1.0)), query(0, Long.MAX_VALUE, 0, null));
        assertEquals(List.of(), store.query(6, new HistoryQuery(ID, MessageKind.VALUE, -5, Long.MAX_VALUE, 0, null, 0)));
    }

    @Test
    public void messagesBefore1970AreSkippedNotFailingTheBatch() throws Exception {
        assertEquals(1, store.write(List.of(value(7, -1000, 1), value(7, 1000, 2))));
        assertEquals(List.of(new HistoryPoint(1000, 2.0)), query(-10_000, 10_000, 0, null));
    }

    @Test
    public void historyOfTheFirstSchemaIsCarriedOver() throws Exception {
        String base = H2Files.newBase();
        Database db = H2Files.open(base);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE history_value (dp BIGINT NOT NULL, ts BIGINT NOT NULL, num DOUBLE,"
                    + " json VARCHAR(1000000), PRIMARY KEY (dp, ts))");
            st.execute("CREATE TABLE history_setpoint (dp BIGINT NOT NULL, ts BIGINT NOT NULL,"
                    + " json VARCHAR(1000000) NOT NULL, PRIMARY KEY (dp, ts))");
            st.execute("CREATE TABLE history_schedule (dp BIGINT NOT NULL, ts BIGINT NOT NULL,"
                    + " json VARCHAR(1000000) NOT NULL, PRIMARY KEY (dp, ts))");
            st.execute("INSERT INTO history_value VALUES (7, 1000, 21.5, NULL), (7, 2000, NULL, '\"on\"'), (8, 1000, 3, NULL)");
            SchemaMigrations.counter(c, "schema.history");
            SchemaMigrations.setCounter(c, "schema.history", 4);
        }
        HistoryStore migrated = new HistoryStore(db, 1000);
        assertEquals(List.of(new HistoryPoint(1000, 21.5), new HistoryPoint(2000, "on")),
                migrated.query(7, HistoryQuery.values(ID, 0, 10_000)));
        assertEquals(List.of(new HistoryPoint(1000, 3.0)), migrated.query(8, HistoryQuery.values(ID, 0, 10_000)));
    }
}
