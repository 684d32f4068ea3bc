package org.bemgate.core.internal.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.EventKind;

/** What a listener asked for in its service properties (see {@link DatapointListener}). */
final class ListenerFilter {

    private final List<Glob> patterns;
    private final Set<EventKind> kinds;
    private final boolean activeOnly;

    ListenerFilter(List<Glob> patterns, Set<EventKind> kinds, boolean activeOnly) {
        this.patterns = patterns;
        this.kinds = kinds;
        this.activeOnly = activeOnly;
    }

    /** Everything, for listeners registered without properties. */
    static ListenerFilter all() {
        return new ListenerFilter(List.of(), EnumSet.allOf(EventKind.class), false);
    }

    /**
     * Reads the whiteboard properties; unknown kinds are ignored with the rest kept.
     *
     * @param props the service properties
     * @return the filter
     */
    static ListenerFilter fromProperties(Map<String, ?> props) {
        List<Glob> patterns = new ArrayList<>();
        for (String p : strings(props.get(DatapointListener.DATAPOINTS))) {
            patterns.add(Glob.of(p));
        }
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (String k : strings(props.get(DatapointListener.KINDS))) {
            try {
                kinds.add(EventKind.valueOf(k.trim().toUpperCase()));
            } catch (IllegalArgumentException ignored) {
                // a kind from a newer API version: not ours to deliver
            }
        }
        if (kinds.isEmpty()) {
            kinds = EnumSet.allOf(EventKind.class);
        }
        Object active = props.get(DatapointListener.ACTIVE_ONLY);
        return new ListenerFilter(patterns, kinds, Boolean.TRUE.equals(active) || "true".equalsIgnoreCase(String.valueOf(active)));
    }

    /** @return true if events of this datapoint may go to the listener (before kind and activation) */
    boolean matchesId(DatapointId id) {
        if (patterns.isEmpty()) {
            return true;
        }
        String text = id.toString();
        for (Glob g : patterns) {
            if (g.matches(text)) {
                return true;
            }
        }
        return false;
    }

    /** @return true if the listener wants this kind of event of a datapoint in this activation state */
    boolean wants(EventKind kind, boolean active) {
        if (!kinds.contains(kind)) {
            return false;
        }
        return !activeOnly || active || kind == EventKind.ACTIVATION;
    }

    private static Collection<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof String[]) {
            return Arrays.asList((String[]) v);
        }
        if (v instanceof Collection) {
            List<String> out = new ArrayList<>();
            for (Object o : (Collection<?>) v) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String s : String.valueOf(v).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
