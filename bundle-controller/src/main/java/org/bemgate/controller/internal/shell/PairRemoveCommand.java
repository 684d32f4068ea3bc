package org.bemgate.controller.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.controller.internal.PairConfig;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code bem:pair-remove}: stops controlling an actuator; its last written value stays. */
@Command(scope = "bem", name = "pair-remove", description = "Removes a controlled pair")
@Service
public class PairRemoveCommand implements Action {

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Argument(index = 0, name = "name", required = true, description = "The pair's name")
    String name;

    @Override
    public Object execute() throws Exception {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            System.err.println("no pair named '" + name + "'; bem:pairs lists them");
            return null;
        }
        Configuration[] found = configurationAdmin.listConfigurations("(&(service.factoryPid=" + PairConfig.PID + ")(name=" + name + "))");
        if (found == null || found.length == 0) {
            System.err.println("no pair named '" + name + "'; bem:pairs lists them");
            return null;
        }
        for (Configuration c : found) {
            c.delete();
        }
        System.out.println("pair " + name + " removed");
        return null;
    }
}
