package org.bemgate.benchmarks;

import java.util.Arrays;

/** Measured figures of several rounds: min, median and max, for a line of a result table. */
final class Rounds {

    private final double[] figures;
    private int n;

    Rounds(int rounds) {
        this.figures = new double[rounds];
    }

    void add(double figure) {
        figures[n++] = figure;
    }

    double median() {
        double[] s = sorted();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    double min() {
        return sorted()[0];
    }

    double max() {
        double[] s = sorted();
        return s[s.length - 1];
    }

    /** @return the value at quantile q (0..1), nearest rank */
    double quantile(double q) {
        double[] s = sorted();
        return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
    }

    private double[] sorted() {
        double[] s = Arrays.copyOf(figures, n);
        Arrays.sort(s);
        return s;
    }
}
