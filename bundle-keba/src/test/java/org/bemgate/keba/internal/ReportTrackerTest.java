package org.bemgate.keba.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** Which reports each poll asks, and what the status says about the missing ones. */
public class ReportTrackerTest {

    private final ReportTracker tracker = new ReportTracker();

    /** Runs polls where only the given reports answer; returns the poll numbers that asked report 2. */
    private List<Integer> pollsAskingReportTwo(int polls, int... answering) {
        List<Integer> asked = new ArrayList<>();
        for (int p = 1; p <= polls; p++) {
            for (int r : tracker.nextPoll()) {
                if (r == 2) {
                    asked.add(p);
                }
                boolean answers = false;
                for (int a : answering) {
                    answers |= a == r;
                }
                if (answers) {
                    tracker.answered(r);
                } else {
                    tracker.missed(r);
                }
            }
        }
        return asked;
    }

    @Test
    public void everyReportEveryPollWhileAllAnswer() {
        assertEquals(List.of(1, 2, 3), tracker.nextPoll());
        assertEquals(List.of(1, 2, 3, 4, 5), pollsAskingReportTwo(5, 1, 2, 3));
        assertNull(tracker.problem(0, 5));
    }

    @Test
    public void aReportMissedThreeTimesIsAskedEveryTenthPoll() {
        assertEquals(List.of(1, 2, 3, 10, 20, 30), pollsAskingReportTwo(30, 1));
        assertEquals("answers report 1 but not report 2, report 3; their datapoints keep their last values and they are asked "
                + "only every 10th poll", tracker.problem(0, 5));
    }

    @Test
    public void beforeTheThirdMissTheStatusSaysSoWithoutSkipping() {
        pollsAskingReportTwo(1, 1, 2);
        assertEquals("answers report 1, report 2 but not report 3; their datapoints keep their last values", tracker.problem(1, 5));
    }

    @Test
    public void aReportNotYetAskedIsNotCountedAsAnswering() {
        tracker.nextPoll();
        tracker.missed(1);
        assertEquals("no answer to report 1 (1 command unanswered in a row; OFFLINE at 5)", tracker.problem(1, 5));
    }

    @Test
    public void nothingIsSkippedWhenNothingAnswers() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6), pollsAskingReportTwo(6));
        assertEquals("no answer to report 1, report 2, report 3 (4 commands unanswered in a row; OFFLINE at 5)",
                tracker.problem(4, 5));
    }

    @Test
    public void anAnswerOrForgettingEndsTheSkipping() {
        pollsAskingReportTwo(5, 1);
        tracker.answered(2);
        tracker.answered(3);
        assertEquals(List.of(1, 2, 3), tracker.nextPoll());
        pollsAskingReportTwo(5, 1);
        tracker.forget();
        assertEquals(List.of(1, 2, 3), tracker.nextPoll());
        assertNull(tracker.problem(0, 5));
    }
}
