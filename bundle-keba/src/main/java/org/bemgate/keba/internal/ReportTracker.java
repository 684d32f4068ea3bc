package org.bemgate.keba.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which of reports 1, 2 and 3 a station answers. A report missed three polls in a row while another
 * is answered is asked only every tenth poll: some firmware answers {@code report 1} only (evcc
 * issue #31478), and waiting for the others every poll would hold writes up for nothing.
 */
final class ReportTracker {

    static final int SKIP_AFTER_MISSES = 3;
    static final int ASK_EVERY_POLLS = 10;

    // per report number 1..3: unanswered polls in a row, and whether it was ever answered
    private final int[] missedInRow = new int[4];
    private final boolean[] heard = new boolean[4];
    private long polls;

    /** @return the reports to ask in the next poll, in order */
    List<Integer> nextPoll() {
        polls++;
        List<Integer> ask = new ArrayList<>(3);
        for (int r = 1; r <= 3; r++) {
            if (!skipped(r)) {
                ask.add(r);
            }
        }
        return ask;
    }

    void answered(int report) {
        missedInRow[report] = 0;
        heard[report] = true;
    }

    void missed(int report) {
        missedInRow[report]++;
    }

    /** Forgets what was missed, as when an OFFLINE station is back: that says nothing about now. */
    void forget() {
        Arrays.fill(missedInRow, 0);
    }

    /**
     * @param timeoutsInRow unanswered commands in a row
     * @param maxTimeouts the number that makes the station OFFLINE
     * @return why the station is DEGRADED, or null if every report is answered
     */
    String problem(int timeoutsInRow, int maxTimeouts) {
        List<Integer> missing = new ArrayList<>();
        List<Integer> answering = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            if (missedInRow[r] > 0) {
                missing.add(r);
            } else if (answers(r)) {
                answering.add(r);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        if (answering.isEmpty()) {
            return "no answer to " + names(missing) + " (" + commands(timeoutsInRow) + " unanswered in a row; OFFLINE at "
                    + maxTimeouts + ")";
        }
        boolean skipping = missing.stream().allMatch(r -> missedInRow[r] >= SKIP_AFTER_MISSES);
        return "answers " + names(answering) + " but not " + names(missing) + "; their datapoints keep their last values"
                + (skipping ? " and they are asked only every " + ASK_EVERY_POLLS + "th poll" : "");
    }

    private boolean skipped(int report) {
        if (missedInRow[report] < SKIP_AFTER_MISSES || polls % ASK_EVERY_POLLS == 0) {
            return false;
        }
        for (int other = 1; other <= 3; other++) {
            if (other != report && answers(other)) {
                return true;
            }
        }
        return false;
    }

    /** Not yet asked is not answering. */
    private boolean answers(int report) {
        return heard[report] && missedInRow[report] == 0;
    }

    static String commands(int n) {
        return n + (n == 1 ? " command" : " commands");
    }

    private static String names(List<Integer> reports) {
        return String.join(", ", reports.stream().map(n -> "report " + n).toList());
    }
}
