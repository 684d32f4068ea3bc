package org.bemgate.ocpp.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.ocpp.internal.OcppShell;

/** {@code bem:ocpp-limit}: sets or clears a charge point's charging limit, through its charging_limit_w/a actuators. */
@Command(scope = "bem", name = "ocpp-limit", description = "Sets a charge point's charging limit (TxDefaultProfile) and prints its answer")
@Service
public class OcppLimitCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "chargePoint", required = true, description = "The charge point id")
    String chargePoint;

    @Argument(index = 1, name = "limit", required = true, description = "The limit, or 'clear' to remove it")
    String limit;

    @Argument(index = 2, name = "unit", required = false, description = "W (default) or A")
    @Completion(value = StringsCompleter.class, values = { "W", "A" })
    String unit = "W";

    @Option(name = "-c", aliases = "--connector", description = "The OCPP connector, when several serve charge points of this id")
    String connector;

    @Override
    public Object execute() {
        System.out.println(OcppShell.limit(registry, connector, chargePoint, limit, unit));
        return null;
    }
}
