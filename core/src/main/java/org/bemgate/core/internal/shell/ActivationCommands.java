package org.bemgate.core.internal.shell;

import java.util.List;

import org.bemgate.core.api.DatapointRegistry;

/** What {@code bem:activate} and {@code bem:deactivate} share. */
final class ActivationCommands {

    private ActivationCommands() {
    }

    /** @return the line to print */
    static String apply(DatapointRegistry registry, List<String> args, boolean active) {
        try {
            var ids = DatapointIds.resolve(registry, args);
            if (ids.isEmpty()) {
                return "no datapoint matches " + String.join(" ", args);
            }
            int changed = registry.setActive(ids, active);
            return changed + " datapoints " + (active ? "activated" : "deactivated") + " (" + ids.size() + " matched)";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
