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
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.MessageKind;
import org.bemgate.core.api.history.Aggregation;
import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.api.history.HistoryService;
import org.bemgate.core.internal.json.MessageJson;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.internal.shell.completers.DatapointIdCompleter;

/** {@code bem:history}: the history of an active datapoint, raw or aggregated. */
@Command(scope = "bem", name = "history", description = "Prints the history of a datapoint, one line per point")
@Service
public class HistoryCommand implements Action {

    @Reference
    HistoryService history;

    @Argument(index = 0, name = "id", required = true, description = "The datapoint id")
    @Completion(DatapointIdCompleter.class)
    String id;

    @Option(name = "--from", aliases = "-f", description = "Start: now-1h, now-7d, an ISO time or epoch ms (default now-1h)")
    String from = "now-1h";

    @Option(name = "--to", aliases = "-t", description = "End, exclusive (default now)")
    String to = "now";

    @Option(name = "--interval", aliases = "-i", description = "Aggregate into intervals such as 1m, 15m, 1h")
    String interval;

    @Option(name = "--aggregation", aliases = "-a", description = "avg, min, max or last (default avg)")
    @Completion(value = StringsCompleter.class, values = { "avg", "min", "max", "last" })
    String aggregation = "avg";

    @Option(name = "--kind", aliases = "-k", description = "value, setpoint or schedule (default value)")
    @Completion(value = StringsCompleter.class, values = { "value", "setpoint", "schedule" })
    String kind = "value";

    @Option(name = "--limit", aliases = "-n", description = "The most points to print (default 1000)")
    int limit = 1000;

    @Override
    public Object execute() {
        run(history, System.currentTimeMillis(), System.out, System.err);
        return null;
    }

    void run(HistoryService service, long now, PrintStream out, PrintStream err) {
        List<HistoryPoint> points;
        try {
            long interval = this.interval == null ? 0 : Format.parseDuration(this.interval).toMillis();
            HistoryQuery q = new HistoryQuery(DatapointId.parse(id), MessageKind.valueOf(kind.toUpperCase()),
                    Format.parseTime(from, now), Format.parseTime(to, now), interval,
                    Aggregation.valueOf(aggregation.toUpperCase()), limit);
            points = service.query(q);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return;
        }
        for (HistoryPoint p : points) {
            Object v = p.value();
            String text = v instanceof Setpoint ? MessageJson.writeSetpoint((Setpoint) v)
                    : v instanceof Schedule ? MessageJson.writeSchedule((Schedule) v) : MessageJson.write(v);
            out.println(Format.time(p.timestamp()) + "  " + text);
        }
        out.println(points.size() + " points");
    }
}
