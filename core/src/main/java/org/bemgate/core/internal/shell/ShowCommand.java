package org.bemgate.core.internal.shell;

import java.io.PrintStream;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.internal.json.MessageJson;
import org.bemgate.core.internal.shell.completers.DatapointIdCompleter;

/** {@code bem:show}: everything about one datapoint. */
@Command(scope = "bem", name = "show", description = "Shows one datapoint: metadata, activation and latest messages")
@Service
public class ShowCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "id", required = true, description = "The datapoint id, <connector>/<key>")
    @Completion(DatapointIdCompleter.class)
    String id;

    @Override
    public Object execute() {
        show(registry, id, System.currentTimeMillis(), System.out, System.err);
        return null;
    }

    static void show(DatapointRegistry registry, String idText, long now, PrintStream out, PrintStream err) {
        Optional<Datapoint> found;
        try {
            DatapointId dpId = DatapointId.parse(idText);
            found = registry.get(dpId);
            if (found.isEmpty()) {
                err.println("unknown datapoint '" + dpId + "'");
                return;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return;
        }
        Datapoint d = found.get();
        DatapointMetadata m = d.metadata();
        out.println("id:             " + d.id());
        out.println("number:         " + d.number());
        out.println("type:           " + m.type().bemcomName());
        out.println("active:         " + d.active());
        out.println("data format:    " + m.dataFormat().bemcomName());
        out.println("unit:           " + m.unit());
        out.println("short name:     " + (m.shortName() == null ? "" : m.shortName()));
        out.println("description:    " + m.description());
        out.println("min/max:        " + (m.minValue() == null ? "-" : m.minValue()) + " / " + (m.maxValue() == null ? "-" : m.maxValue()));
        out.println("allowed values: " + (m.allowedValues() == null ? "-" : MessageJson.write(m.allowedValues())));
        out.println("example value:  " + MessageJson.write(m.exampleValue()));
        out.println("value:          " + (d.value() == null ? "-"
                : MessageJson.write(d.value().value()) + " at " + Format.time(d.value().timestamp()) + " ("
                        + Format.age(d.value().timestamp(), now) + " ago)"));
        if (d.setpoint() != null) {
            out.println("setpoint:       " + MessageJson.writeSetpoint(d.setpoint()));
        }
        if (d.schedule() != null) {
            out.println("schedule:       " + MessageJson.writeSchedule(d.schedule()));
        }
    }
}
