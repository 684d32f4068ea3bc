package org.bemgate.core.internal.shell;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.shell.completers.DatapointIdCompleter;

/** {@code bem:list}: datapoints with activation, latest value, its age and unit. */
@Command(scope = "bem", name = "list", description = "Lists datapoints with their latest values")
@Service
public class ListCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "pattern", description = "A datapoint id or glob such as demo-room/*")
    @Completion(DatapointIdCompleter.class)
    String pattern;

    @Option(name = "--connector", aliases = "-c", description = "Only this connector's datapoints")
    String connector;

    @Option(name = "--type", aliases = "-t", description = "sensor or actuator")
    @Completion(value = StringsCompleter.class, values = { "sensor", "actuator" })
    String type;

    @Option(name = "--active", description = "Only active datapoints")
    boolean active;

    @Option(name = "--inactive", description = "Only inactive datapoints")
    boolean inactive;

    @Override
    public Object execute() {
        DatapointFilter filter = new DatapointFilter(pattern, connector, type == null ? null : DatapointType.parse(type),
                active ? Boolean.TRUE : inactive ? Boolean.FALSE : null);
        print(registry.find(filter), System.currentTimeMillis(), System.out);
        return null;
    }

    static void print(List<Datapoint> datapoints, long now, PrintStream out) {
        int idWidth = 10;
        for (Datapoint d : datapoints) {
            idWidth = Math.max(idWidth, d.id().toString().length());
        }
        String row = "%-" + idWidth + "s  %-8s  %-6s  %-24s  %-5s  %s%n";
        out.printf(row, "Datapoint", "Type", "Active", "Value", "Age", "Unit");
        for (Datapoint d : datapoints) {
            Value v = d.value();
            out.printf(row, d.id(), d.type().bemcomName(), d.active() ? "yes" : "no",
                    v == null ? "-" : Format.value(v.value(), 24), v == null ? "-" : Format.age(v.timestamp(), now),
                    d.metadata().unit());
        }
        out.println(datapoints.size() + " datapoints");
    }
}
