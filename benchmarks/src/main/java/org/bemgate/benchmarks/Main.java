package org.bemgate.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bemgate.modbus.internal.ModbusPollBenchmark;

/**
 * Runs the benchmarks and prints their figures, then one summary table with the targets:
 * {@code java -jar benchmarks/target/benchmarks.jar [all|fanout|latency|jmh|ingest|query|modbus|mqtt|ocpp|distribution]...
 * [--load-minutes 10] [--results benchmarks/results]}.
 *
 * <p>Each benchmark warms up first and reports several measured rounds, so a reader sees the spread,
 * not one lucky number. Nothing here asserts a time. Everything printed also goes to
 * {@code <results>/last-run.txt}, and the summary to {@code <results>/last-run.md}.
 */
public final class Main {

    private static final List<String> ALL = List.of("fanout", "latency", "jmh", "ingest", "query", "modbus", "mqtt", "ocpp", "distribution");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> which = new ArrayList<>();
        int loadMinutes = 10;
        Path results = Path.of("benchmarks", "results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--load-minutes" -> loadMinutes = Integer.parseInt(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "all" -> which.addAll(ALL);
                default -> {
                    if (!ALL.contains(args[i])) {
                        System.err.println("unknown benchmark " + args[i] + "; choose from all " + String.join(" ", ALL));
                        System.exit(2);
                    }
                    which.add(args[i]);
                }
            }
        }
        if (which.isEmpty()) {
            which.addAll(ALL);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(System.out, raw), true, StandardCharsets.UTF_8);
        Summary summary = new Summary();
        long started = System.nanoTime();
        String when = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        out.println("bemgate benchmarks, " + when);
        out.print(Machine.describe());
        try {
            run(which, loadMinutes, out, summary);
        } finally {
            summary.print(out);
            out.printf("%ntotal time %.1f min%n", (System.nanoTime() - started) / 60e9);
            Files.createDirectories(results);
            Files.write(results.resolve("last-run.txt"), raw.toByteArray());
            Files.writeString(results.resolve("last-run.md"),
                    "Run of " + when + " on " + Machine.describe().trim() + "\n\n" + summary.markdown());
            System.out.println("raw output and summary written to " + results.toAbsolutePath());
        }
    }

    private static void run(List<String> which, int loadMinutes, PrintStream out, Summary summary) throws Exception {
        if (which.contains("fanout")) {
            RegistryFanOut.run(RegistryFanOut.Settings.full(), out, summary);
        }
        if (which.contains("latency")) {
            RegistryLatency.run(RegistryLatency.Settings.full(), out, summary);
        }
        if (which.contains("jmh")) {
            RegistryPublishJmh.run(out, summary);
        }
        if (which.contains("ingest")) {
            HistoryIngest.run(HistoryIngest.Settings.full(), out, summary);
        }
        if (which.contains("query")) {
            HistoryDayQuery.run(HistoryDayQuery.Settings.full(), out, summary);
        }
        if (which.contains("modbus")) {
            ModbusPollBenchmark.Settings settings = ModbusPollBenchmark.Settings.full();
            ModbusPollBenchmark.Result r = ModbusPollBenchmark.run(settings, out);
            summary.add("Modbus poll of 1,000 registers, bare j2mod loop (median)", r.bareMedian(), "µs");
            summary.add("Modbus poll of 1,000 registers, connector (median)", r.connectorMedian(), "µs");
            double ratio = r.connectorMedian() / r.bareMedian();
            summary.add("Modbus poll cycle, connector / bare j2mod", ratio, "ratio", Summary.Goal.AT_MOST, 1.2, ratio);
        }
        if (which.contains("mqtt")) {
            NetworkBenchmarks.mqtt(out, summary);
        }
        if (which.contains("ocpp")) {
            NetworkBenchmarks.ocpp(out, summary);
        }
        if (which.contains("distribution")) {
            DistributionBench.run(DistributionBench.Settings.full(loadMinutes), out, summary);
        }
    }

    /** Writes to the console and keeps a copy for the results folder. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
