package org.bemgate.core.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.bemgate.core.api.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors on the whiteboard, each fetched on first use rather than when it is bound.
 *
 * <p>A connector needs the registry; had the registry fetched it while being bound, SCR would have to
 * activate the connector while the registry itself was still activating, a cycle it refuses with an
 * error. Fetching at the first write or listing happens after both are up.
 */
final class ConnectorDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorDirectory.class);

    /** Registration order: when two share a name, the later one wins. */
    private final CopyOnWriteArrayList<Slot> slots = new CopyOnWriteArrayList<>();

    /** Adds a connector known by key (its service reference, or itself) and fetched by source. */
    void add(Object key, Supplier<Connector> source) {
        slots.add(new Slot(key, source));
    }

    void remove(Object key) {
        slots.removeIf(s -> s.key.equals(key));
    }

    /** @return the connector of that name, fetching connectors as needed; empty if none is running */
    Optional<Connector> byName(String name) {
        Connector found = null;
        for (Slot s : slots) {
            Connector c = s.get();
            if (c != null && name.equals(c.name())) {
                if (found != null && found != c && s.warnOnce()) {
                    LOG.warn("Two connectors are named '{}' ({} and {}); writes go to the newer one. Give each device its own name.",
                            name, found.protocol(), c.protocol());
                }
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return every running connector, sorted by name */
    List<Connector> all() {
        List<Connector> list = new ArrayList<>();
        for (Slot s : slots) {
            Connector c = s.get();
            if (c != null) {
                list.add(c);
            }
        }
        list.sort(Comparator.comparing(Connector::name));
        return list;
    }

    private static final class Slot {
        final Object key;
        final Supplier<Connector> source;
        volatile Connector connector;
        volatile boolean warned;

        Slot(Object key, Supplier<Connector> source) {
            this.key = key;
            this.source = source;
        }

        Connector get() {
            Connector c = connector;
            if (c == null) {
                c = source.get(); // null while the service is going away
                connector = c;
            }
            return c;
        }

        boolean warnOnce() {
            boolean first = !warned;
            warned = true;
            return first;
        }
    }
}
