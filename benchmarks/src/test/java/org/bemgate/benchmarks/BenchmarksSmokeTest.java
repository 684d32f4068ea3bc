package org.bemgate.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

/**
 * Runs every benchmark at a small size so the harness cannot rot between measurements, and checks
 * what it counts (never how fast it was).
 */
public class BenchmarksSmokeTest {

    @Test
    public void fanOutDeliversEveryUpdateToEveryListener() throws Exception {
        RegistryFanOut.Settings s = new RegistryFanOut.Settings(50, 20_000, 0, 2, new int[] { 2 }, 100);
        List<RegistryFanOut.Result> results = RegistryFanOut.measure(s, 2);
        assertEquals(2, results.size());
        for (RegistryFanOut.Result r : results) {
            assertEquals(0, r.dropped());
            assertEquals(RegistryFanOut.LISTENERS * 20_000L, r.delivered());
        }
    }

    @Test
    public void sustainedIngestWritesWhatWasPublished() throws Exception {
        HistoryIngest.Settings s = new HistoryIngest.Settings(100, 512, 5_000, 0, 1, 10_000, 1);
        HistoryIngest.Sustained x = HistoryIngest.sustained(s);
        assertEquals(10_000, x.published());
        assertEquals(0, x.dropped());
        assertEquals(x.published(), x.written());
    }

    @Test
    public void reportsPrintEveryFigure() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        HistoryIngest.run(new HistoryIngest.Settings(10, 100, 1_000, 0, 2, 1_000, 1), out);
        HistoryDayQuery.run(new HistoryDayQuery.Settings(0, 0, 2), out);
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report, report.contains("values/s  min"));
        assertTrue(report, report.contains("written 1,000; dropped 0"));
        assertTrue(report, report.matches("(?s).*raw\\s+86,400 .*"));
        assertTrue(report, report.matches("(?s).*avg per minute\\s+1,440 .*"));
    }

    @Test
    public void modbusPollDecodesEveryValue() throws Exception {
        org.bemgate.modbus.internal.ModbusPollBenchmark.Result r = org.bemgate.modbus.internal.ModbusPollBenchmark
                .measure(new org.bemgate.modbus.internal.ModbusPollBenchmark.Settings(2, 5));
        assertEquals(500, r.values());
        assertTrue(r.bareMedian() > 0 && r.connectorMedian() > 0);
    }
}
