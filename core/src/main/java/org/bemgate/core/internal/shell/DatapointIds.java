package org.bemgate.core.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointFilter;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.core.internal.registry.Glob;

/** Turns command arguments (ids or glob patterns) into datapoint ids. */
final class DatapointIds {

    private DatapointIds() {
    }

    /**
     * @param registry where to look
     * @param args ids or patterns
     * @return the ids, without duplicates
     * @throws UnknownDatapointException for an id that is no pattern and not registered
     * @throws IllegalArgumentException for text that is no id
     */
    static List<DatapointId> resolve(DatapointRegistry registry, List<String> args) {
        Set<DatapointId> ids = new LinkedHashSet<>();
        for (String a : args) {
            if (Glob.isPattern(a)) {
                for (Datapoint d : registry.find(DatapointFilter.pattern(a))) {
                    ids.add(d.id());
                }
            } else {
                DatapointId id = DatapointId.parse(a);
                if (registry.get(id).isEmpty()) {
                    throw new UnknownDatapointException(id);
                }
                ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }
}
