package org.bemgate.benchmarks;

import java.util.List;
import java.util.Locale;

import org.bemgate.modbus.internal.ModbusPollBenchmark;

/**
 * Runs the benchmarks and prints their figures with the machine they came from:
 * {@code java -jar benchmarks/target/benchmarks.jar [fanout|ingest|query|modbus|all]}.
 *
 * <p>Each benchmark warms up first and then reports several measured rounds, so a reader sees the
 * spread, not one lucky number. Nothing here asserts a time; the issue records the figures.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> which = args.length == 0 ? List.of("all") : List.of(args);
        System.out.println(Machine.describe());
        boolean all = which.contains("all");
        if (all || which.contains("fanout")) {
            RegistryFanOut.run(RegistryFanOut.Settings.full(), System.out);
        }
        if (all || which.contains("ingest")) {
            HistoryIngest.run(HistoryIngest.Settings.full(), System.out);
        }
        if (all || which.contains("query")) {
            HistoryDayQuery.run(HistoryDayQuery.Settings.full(), System.out);
        }
        if (all || which.contains("modbus")) {
            ModbusPollBenchmark.run(ModbusPollBenchmark.Settings.full(), System.out);
        }
    }
}
