package org.bemgate.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.internal.json.MessageJson;
import org.bemgate.core.internal.shell.completers.DatapointIdCompleter;

/** {@code bem:setpoint}: replaces an actuator's setpoint, which the controller then follows. */
@Command(scope = "bem", name = "setpoint", description = "Replaces an actuator's setpoint (BEMCom's items as JSON; [] clears it)")
@Service
public class SetpointCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "id", required = true, description = "The actuator's id, <connector>/<key>")
    @Completion(DatapointIdCompleter.class)
    String id;

    @Argument(index = 1, name = "items", required = true,
            description = "The setpoint items as a JSON list in single quotes, or BEMCom's whole setpoint message")
    String items;

    @Override
    public Object execute() {
        System.out.println(set(registry, id, items, System.currentTimeMillis()));
        return null;
    }

    /** @return the line to print: what was stored, or why nothing was */
    static String set(DatapointRegistry registry, String idText, String itemsText, long now) {
        try {
            DatapointId dpId = DatapointId.parse(idText);
            registry.setSetpoint(dpId, MessageJson.setpointFromMap(ItemsArgument.message(itemsText, "setpoint", now)));
            return "setpoint of " + dpId + ": " + MessageJson.writeSetpoint(registry.get(dpId).orElseThrow().setpoint());
        } catch (IllegalArgumentException e) { // unknown datapoint, not an actuator, or invalid items: nothing stored
            return "REJECTED: " + e.getMessage();
        }
    }
}
