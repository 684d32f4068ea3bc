package org.bemgate.ocpp.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.ocpp.internal.OcppShell;

/** {@code bem:ocpp-list}: the charge points of every OCPP connector, with their state. */
@Command(scope = "bem", name = "ocpp-list", description = "Lists OCPP charge points: online, address, vendor, connectors, transactions")
@Service
public class OcppListCommand implements Action {

    @Reference
    DatapointRegistry registry;

    @Argument(index = 0, name = "connector", required = false, description = "Only this OCPP connector")
    String connector;

    @Override
    public Object execute() {
        OcppShell.list(registry, connector, System.currentTimeMillis(), System.out);
        return null;
    }
}
