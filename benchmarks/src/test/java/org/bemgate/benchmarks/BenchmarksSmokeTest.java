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
        Summary summary = new Summary();
        HistoryIngest.run(new HistoryIngest.Settings(10, 100, 1_000, 0, 2, 1_000, 1), out, summary);
        HistoryDayQuery.run(new HistoryDayQuery.Settings(0, 0, 2), out, summary);
        summary.print(out);
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report, report.contains("values/s  min"));
        assertTrue(report, report.contains("written 1,000; dropped 0"));
        assertTrue(report, report.matches("(?s).*raw\\s+86,400 .*"));
        assertTrue(report, report.matches("(?s).*avg per minute\\s+1,440 .*"));
        assertEquals(List.of("history ingest into H2 (median)", "history sustained 1000/s via registry, values lost",
                "history one-day query at 1 s, raw (median)", "history one-day query, avg per minute (median)"),
                summary.rows().stream().map(Summary.Row::figure).toList());
        assertTrue(report, report.contains("== summary"));
        assertTrue(report, report.matches("(?s).*history sustained 1000/s via registry, values lost\\s+0 values\\s+≤ 0\\s+met.*"));
    }

    @Test
    public void latencyIsMeasuredForEveryDelivery() throws Exception {
        RegistryLatency.Result r = RegistryLatency.measure(new RegistryLatency.Settings(2_000, 0, 1));
        assertEquals(RegistryFanOut.LISTENERS * 2_000L, r.deliveries());
        assertTrue(r.p50() > 0 && r.p50() <= r.p99() && r.p99() <= r.max());
    }

    @Test
    public void summaryJudgesFiguresAgainstTheirTargets() {
        Summary s = new Summary();
        s.add("fast enough", 2_000_000, "updates/s", Summary.Goal.AT_LEAST, 1_000_000);
        s.add("too slow", 150, "ms", Summary.Goal.AT_MOST, 100);
        s.add("ratio", 1.1, "ratio", Summary.Goal.AT_MOST, 1.2, 1.1);
        assertEquals(List.of("met", "MISSED", "met"), s.rows().stream().map(Summary.Row::verdict).toList());
        String md = s.markdown();
        assertTrue(md, md.contains("| fast enough | 2,000,000 | updates/s | ≥ 1,000,000 |  | met |"));
        assertTrue(md, md.contains("| ratio | 1.10 | ratio | ≤ 1.20 | 1.10 | met |"));
    }

    @Test
    public void upgradeGapCountsTheWindowEdges() {
        assertEquals(400, DistributionBench.longestGap(new long[] { 1_100, 1_200, 1_600, 1_700 }, 1_000, 1_800));
        assertEquals(800, DistributionBench.longestGap(new long[] {}, 1_000, 1_800));
        assertEquals(500, DistributionBench.longestGap(new long[] { 1_500 }, 1_000, 1_800));
    }

    @Test
    public void valuesMissingFromACadenceAreCounted() {
        assertEquals(0, DistributionBench.missing(new long[] { 1_000, 2_010, 2_990, 4_000 }, 500, 4_400, 1_000));
        assertEquals(2, DistributionBench.missing(new long[] { 1_000, 4_000 }, 500, 4_400, 1_000));
        assertEquals(4, DistributionBench.missing(new long[] {}, 0, 5_000, 1_000));
    }

    @Test
    public void modbusPollDecodesEveryValue() throws Exception {
        org.bemgate.modbus.internal.ModbusPollBenchmark.Result r = org.bemgate.modbus.internal.ModbusPollBenchmark
                .measure(new org.bemgate.modbus.internal.ModbusPollBenchmark.Settings(2, 5));
        assertEquals(500, r.values());
        assertTrue(r.bareMedian() > 0 && r.connectorMedian() > 0);
    }
}
