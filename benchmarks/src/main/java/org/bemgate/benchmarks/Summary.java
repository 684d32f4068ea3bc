package org.bemgate.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table a run ends with: each figure with its unit, the target the issues set and, where a
 * figure is measured against a baseline in the same run (bare j2mod, bare Paho), the ratio to it.
 */
final class Summary {

    /** Whether a larger or a smaller value is better, for judging a figure against its target. */
    enum Goal {
        AT_LEAST, AT_MOST, NONE
    }

    /**
     * One line of the table.
     *
     * @param figure what was measured
     * @param value the measured value
     * @param unit its unit
     * @param goal how the target reads
     * @param target the target's value, ignored with {@link Goal#NONE}
     * @param baseline the ratio to the baseline measured in the same run, or null
     */
    record Row(String figure, double value, String unit, Goal goal, double target, Double baseline) {

        String targetText() {
            return switch (goal) {
                case AT_LEAST -> "≥ " + number(target);
                case AT_MOST -> "≤ " + number(target);
                case NONE -> "";
            };
        }

        String verdict() {
            return switch (goal) {
                case AT_LEAST -> value >= target ? "met" : "MISSED";
                case AT_MOST -> value <= target ? "met" : "MISSED";
                case NONE -> "";
            };
        }
    }

    private final List<Row> rows = new ArrayList<>();

    /** Adds a figure without a target. */
    synchronized void add(String figure, double value, String unit) {
        rows.add(new Row(figure, value, unit, Goal.NONE, 0, null));
    }

    /** Adds a figure with a target. */
    synchronized void add(String figure, double value, String unit, Goal goal, double target) {
        rows.add(new Row(figure, value, unit, goal, target, null));
    }

    /** Adds a figure with a target and its ratio to a baseline measured in the same run. */
    synchronized void add(String figure, double value, String unit, Goal goal, double target, double baselineRatio) {
        rows.add(new Row(figure, value, unit, goal, target, baselineRatio));
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Prints the table as aligned text. */
    synchronized void print(PrintStream out) {
        int w = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
        String format = "%-" + w + "s %14s %-9s %-14s %-9s %s%n";
        out.printf("%n== summary%n");
        out.printf(format, "figure", "value", "unit", "target", "ratio", "");
        for (Row r : rows) {
            out.printf(format, r.figure(), number(r.value()), r.unit(), r.targetText(),
                    r.baseline() == null ? "" : String.format(Locale.ROOT, "%.2f", r.baseline()), r.verdict());
        }
    }

    /** @return the table as Markdown, for docs/performance.md */
    synchronized String markdown() {
        StringBuilder b = new StringBuilder("| figure | value | unit | target | ratio to baseline | |\n|---|---:|---|---|---:|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.figure()).append(" | ").append(number(r.value())).append(" | ").append(r.unit())
                    .append(" | ").append(r.targetText()).append(" | ")
                    .append(r.baseline() == null ? "" : String.format(Locale.ROOT, "%.2f", r.baseline())).append(" | ")
                    .append(r.verdict()).append(" |\n");
        }
        return b.toString();
    }

    /** Thousands separated, with decimals only where a figure is small. */
    static String number(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
