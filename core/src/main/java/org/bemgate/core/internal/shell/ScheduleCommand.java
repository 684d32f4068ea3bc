package org.bemgate.core.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.internal.json.MessageJson;

/** {@code bem:schedule}: replaces an actuator's schedule, which the controller then follows. */
@Command(scope = "bem", name = "schedule", description = "Replaces an actuator's schedule (BEMCom's items as JSON; [] clears it)")
@Service
public class ScheduleCommand extends ItemsCommand {

    @Override
    String key() {
        return "schedule";
    }

    @Override
    String store(DatapointRegistry registry, DatapointId id, Map<?, ?> message) {
        registry.setSchedule(id, MessageJson.scheduleFromMap(message));
        return MessageJson.writeSchedule(registry.get(id).orElseThrow().schedule());
    }

    /** @return the line to print */
    static String set(DatapointRegistry registry, String idText, String itemsText, long now) {
        return new ScheduleCommand().apply(registry, idText, itemsText, now);
    }
}
