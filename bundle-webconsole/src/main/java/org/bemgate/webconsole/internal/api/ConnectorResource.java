package org.bemgate.webconsole.internal.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.auth.Role;

/** Running connectors with their health, and the recent problems. */
public final class ConnectorResource {

    private final Console console;

    /** @param console the shared console state */
    public ConnectorResource(Console console) {
        this.console = console;
    }

    /** @return the endpoints */
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/connectors", Role.VIEWER, "connectors",
                        "Running connectors: health, reason, counters, datapoint counts", List.of(), null,
                        Map.of(200, "Connector[]"), r -> list()),
                new Route("GET", "/connectors/{name}", Role.VIEWER, "connectors", "One running connector", List.of(), null,
                        Map.of(200, "Connector", 404, "not running"), this::one),
                new Route("GET", "/problems", Role.VIEWER, "connectors",
                        "Recent problems: connector health changes and failed writes, newest first", List.of(), null,
                        Map.of(200, "Problem[]"), r -> console.problems().recent()));
    }

    private Object list() {
        Map<String, int[]> counts = counts();
        List<Object> out = new ArrayList<>();
        for (Connector c : console.registry().connectors()) {
            out.add(json(c, counts.getOrDefault(c.name(), new int[2])));
        }
        return out;
    }

    private Object one(ApiRequest r) {
        String name = r.pathParam("name");
        Connector c = console.registry().connector(name)
                .orElseThrow(() -> new NoSuchElementException("no running connector '" + name + "'"));
        int[] n = new int[2];
        for (Datapoint d : console.registry().find(DatapointFilter.connector(name))) {
            n[0]++;
            n[1] += d.active() ? 1 : 0;
        }
        return json(c, n);
    }

    private Map<String, int[]> counts() {
        Map<String, int[]> counts = new HashMap<>();
        for (Datapoint d : console.registry().find(DatapointFilter.ALL)) {
            int[] n = counts.computeIfAbsent(d.id().connector(), k -> new int[2]);
            n[0]++;
            n[1] += d.active() ? 1 : 0;
        }
        return counts;
    }

    /**
     * @param c a connector
     * @param counts datapoints and active datapoints
     * @return its JSON object
     */
    static Map<String, Object> json(Connector c, int[] counts) {
        ConnectorHealth h = c.health();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("protocol", c.protocol());
        m.put("status", h.status().name());
        m.put("reason", h.reason());
        m.put("since", h.since());
        m.put("lastGoodExchange", h.lastGoodExchange());
        m.put("counters", h.counters());
        m.put("datapoints", counts[0]);
        m.put("activeDatapoints", counts[1]);
        return m;
    }
}
