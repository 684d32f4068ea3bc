package org.bemgate.core.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.internal.json.MessageJson;

/** {@code bem:setpoint}: replaces an actuator's setpoint, which the controller then follows. */
@Command(scope = "bem", name = "setpoint", description = "Replaces an actuator's setpoint (BEMCom's items as JSON; [] clears it)")
@Service
public class SetpointCommand extends ItemsCommand {

    @Override
    String key() {
        return "setpoint";
    }

    @Override
    String store(DatapointRegistry registry, DatapointId id, Map<?, ?> message) {
        registry.setSetpoint(id, MessageJson.setpointFromMap(message));
        return MessageJson.writeSetpoint(registry.get(id).orElseThrow().setpoint());
    }

    /** @return the line to print */
    static String set(DatapointRegistry registry, String idText, String itemsText, long now) {
        return new SetpointCommand().apply(registry, idText, itemsText, now);
    }
}
