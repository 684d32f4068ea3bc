package org.bemgate.core.internal.shell;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;

/** {@code bem:connectors}: every running connector with its health. */
@Command(scope = "bem", name = "connectors", description = "Lists connectors with their health, reason and counters")
@Service
public class ConnectorsCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Override
    public Object execute() {
        print(registry.connectors(), System.currentTimeMillis(), System.out);
        return null;
    }

    static void print(List<Connector> connectors, long now, PrintStream out) {
        String row = "%-20s  %-10s  %-9s  %-6s  %-10s  %s%n";
        out.printf(row, "Name", "Protocol", "Status", "Since", "Last good", "Reason / counters");
        for (Connector c : connectors) {
            ConnectorHealth h;
            try {
                h = c.health();
            } catch (RuntimeException e) {
                out.printf(row, c.name(), c.protocol(), "?", "-", "-", "health unavailable: " + e.getMessage());
                continue;
            }
            String detail = h.reason().isEmpty() ? h.counters().toString() : h.reason() + " " + h.counters();
            out.printf(row, c.name(), c.protocol(), h.status(), Format.age(h.since(), now),
                    Format.age(h.lastGoodExchange(), now), detail);
        }
        out.println(connectors.size() + " connectors");
    }
}
