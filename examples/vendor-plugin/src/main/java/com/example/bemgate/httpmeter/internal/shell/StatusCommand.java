package com.example.bemgate.httpmeter.internal.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;

/** {@code httpmeter:status}: each HTTP meter's health and latest values, from the registry. */
@Command(scope = "httpmeter", name = "status", description = "Shows each HTTP meter's health and latest values")
@Service
public class StatusCommand implements Action {

    /** The protocol the plug-in's connectors register with. */
    static final String PROTOCOL = "httpmeter";

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "name", description = "Only this meter (connector name)", required = false)
    String only;

    @Override
    public Object execute() {
        print(registry, only, System.out);
        return null;
    }

    static void print(DatapointRegistry registry, String only, PrintStream out) {
        List<Connector> meters = registry.connectors().stream().filter(c -> PROTOCOL.equals(c.protocol()))
                .filter(c -> only == null || only.equals(c.name())).toList();
        for (Connector c : meters) {
            ConnectorHealth h = c.health();
            out.println(c.name() + "  " + h.status() + (h.reason().isEmpty() ? "" : "  " + h.reason()));
            for (Datapoint d : registry.find(DatapointFilter.connector(c.name()))) {
                String unit = d.metadata().unit().isEmpty() ? "" : " " + d.metadata().unit();
                out.println("  " + d.id().key() + " = " + (d.value() == null ? "-" : d.value().value() + unit));
            }
            out.println("  counters " + counters(h.counters()));
        }
        out.println(meters.size() + (meters.size() == 1 ? " meter" : " meters"));
    }

    private static String counters(Map<String, Long> counters) {
        return counters.isEmpty() ? "-" : counters.toString();
    }
}
