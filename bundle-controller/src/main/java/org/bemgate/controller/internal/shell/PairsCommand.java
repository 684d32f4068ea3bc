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
            out.println(s.name() + ": " + s.sensor() + " -> " + s.actuator());
            if (!s.problem().isEmpty()) {
                out.println("  does nothing: " + s.problem());
                continue;
            }
            out.println("  setpoint:  " + (s.setpoint() == null ? "-" : s.setpoint()));
            out.println("  schedule:  " + (s.schedule() == null ? "-" : s.schedule()));
            out.println("  value:     " + (s.lastValue() == null ? "-" : s.lastValue()) + " (" + s.rule() + ")");
            out.println("  outcome:   " + (s.lastOutcome().isEmpty() ? "-" : s.lastOutcome()));
            if (s.nextChange() != Long.MAX_VALUE) {
                out.println("  next item change: " + Instant.ofEpochMilli(s.nextChange()));
            }
        }
        out.println(states.size() + " pairs");
    }
}
