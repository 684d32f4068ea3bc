package org.bemgate.ocpp.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.ocpp.internal.OcppShell;

/** {@code bem:ocpp-trigger}: asks a charge point to send a message now, through its trigger_message actuator. */
@Command(scope = "bem", name = "ocpp-trigger", description = "Sends TriggerMessage to a charge point and prints its answer")
@Service
public class OcppTriggerCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "chargePoint", required = true, description = "The charge point id")
    String chargePoint;

    @Argument(index = 1, name = "message", required = true, description = "BootNotification, DiagnosticsStatusNotification, "
            + "FirmwareStatusNotification, Heartbeat, MeterValues or StatusNotification (or BEMCom's 0 to 5)")
    @Completion(value = StringsCompleter.class, values = { "BootNotification", "DiagnosticsStatusNotification",
            "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification" })
    String message;

    @Override
    public Object execute() {
        System.out.println(OcppShell.trigger(registry, chargePoint, message));
        return null;
    }
}
