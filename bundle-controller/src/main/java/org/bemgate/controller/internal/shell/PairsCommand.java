package org.bemgate.controller.internal.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.controller.internal.PairState;
import org.bemgate.controller.internal.PairView;
import org.bemgate.core.api.SetpointItem;

/** {@code bem:pairs}: every controlled pair, what applies now, what it wrote and why. */
@Command(scope = "bem", name = "pairs", description = "Lists controlled pairs with their active items, last value, rule and outcome")
@Service
public class PairsCommand implements Action {

    @Reference(optional = true)
    List<PairView> pairs;

    @Override
    public Object execute() {
        print(pairs == null ? List.of() : pairs.stream().map(PairView::state).toList(), System.out);
        return null;
    }

    static void print(List<PairState> states, PrintStream out) {
        for (PairState s : states.stream().sorted(Comparator.comparing(PairState::name)).toList()) {
            if (!s.problem().isEmpty()) {
                out.println(s.name() + ": does nothing: " + s.problem());
                continue;
            }
            out.println(s.name() + ": " + s.sensor() + " -> " + s.actuator());
            out.println("  setpoint:  " + (s.setpoint() == null ? "-" : describe(s.setpoint())));
            out.println("  schedule:  " + (s.schedule() == null ? "-"
                    : s.schedule().value() + span(s.schedule().fromTimestamp(), s.schedule().toTimestamp())));
            out.println("  value:     " + (s.lastValue() == null ? "-" : s.lastValue()) + " (" + s.rule() + ")");
            out.println("  outcome:   " + (s.lastOutcome().isEmpty() ? "-" : s.lastOutcome()));
            if (s.nextChange() != Long.MAX_VALUE) {
                out.println("  next item change: " + Instant.ofEpochMilli(s.nextChange()));
            }
        }
        out.println(states.size() + " pairs");
    }

    /** @return e.g. {@code preferred 21, band [19.0, 25.0], until 2026-11-23T18:00:00Z} */
    static String describe(SetpointItem i) {
        String flexibility = switch (i.flexibility()) {
            case DISCRETE -> ", accepts " + i.acceptableValues();
            case CONTINUOUS -> ", band [" + i.minValue() + ", " + i.maxValue() + "]";
            case NONE -> "";
        };
        return "preferred " + i.preferredValue() + flexibility + span(i.fromTimestamp(), i.toTimestamp());
    }

    private static String span(Long from, Long to) {
        return (from == null ? "" : ", from " + Instant.ofEpochMilli(from)) + (to == null ? "" : ", until " + Instant.ofEpochMilli(to));
    }
}
