package org.bemgate.webconsole.internal.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The recent problems the overview page shows: connector health changes and failed writes. */
public final class ProblemLog {

    /**
     * One problem.
     *
     * @param time epoch ms
     * @param source the connector or datapoint concerned
     * @param severity {@code error}, {@code warning} or {@code info} (a recovery)
     * @param message what happened
     */
    public record Problem(long time, String source, String severity, String message) {
    }

    private final int capacity;
    private final ArrayDeque<Problem> problems = new ArrayDeque<>();

    /** @param capacity how many problems are kept */
    public ProblemLog(int capacity) {
        this.capacity = capacity;
    }

    /** @param p a problem */
    public synchronized void add(Problem p) {
        if (problems.size() >= capacity) {
            problems.pollFirst();
        }
        problems.addLast(p);
    }

    /** @return the problems, newest first */
    public synchronized List<Problem> recent() {
        List<Problem> out = new ArrayList<>(problems);
        java.util.Collections.reverse(out);
        return out;
    }
}
