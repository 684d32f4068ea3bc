package org.bemgate.core.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.internal.shell.completers.DatapointIdCompleter;

/** What {@code bem:setpoint} and {@code bem:schedule} share: an actuator id and BEMCom's items. */
abstract class ItemsCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "id", required = true, description = "The actuator's id, <connector>/<key>")
    @Completion(DatapointIdCompleter.class)
    String id;

    @Argument(index = 1, name = "items", required = true,
            description = "The items as a JSON list in single quotes ('[]' clears), or BEMCom's whole message")
    String items;

    @Override
    public Object execute() {
        System.out.println(apply(registry, id, items, System.currentTimeMillis()));
        return null;
    }

    /** @return {@code setpoint} or {@code schedule}: the message's key */
    abstract String key();

    /** Stores the message and returns it as stored, in BEMCom's JSON. */
    abstract String store(DatapointRegistry registry, DatapointId id, Map<?, ?> message);

    /** @return the line to print: what was stored, or why nothing was */
    String apply(DatapointRegistry registry, String idText, String itemsText, long now) {
        try {
            DatapointId dpId = DatapointId.parse(idText);
            return key() + " of " + dpId + ": " + store(registry, dpId, ItemsArgument.message(itemsText, key(), now));
        } catch (IllegalArgumentException e) { // unknown datapoint, not an actuator, or invalid items: nothing stored
            return "REJECTED: " + e.getMessage();
        }
    }
}
