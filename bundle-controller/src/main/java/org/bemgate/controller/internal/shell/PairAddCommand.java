package org.bemgate.controller.internal.shell;

import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.controller.internal.PairConfig;
import org.bemgate.core.api.DatapointId;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code bem:pair-add}: creates or replaces a controlled pair, kept as etc/org.bemgate.controller-NAME.cfg. */
@Command(scope = "bem", name = "pair-add", description = "Makes a sensor drive an actuator with the actuator's setpoint and schedule")
@Service
public class PairAddCommand implements Action {

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Argument(index = 0, name = "name", required = true, description = "The pair's name (letters, digits, '-', '_')")
    String name;

    @Argument(index = 1, name = "sensor", required = true, description = "The sensor's datapoint id")
    String sensor;

    @Argument(index = 2, name = "actuator", required = true, description = "The actuator's datapoint id")
    String actuator;

    @Override
    public Object execute() throws Exception {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            System.err.println("'" + name + "' is not a pair name: use letters, digits, '-' and '_'");
            return null;
        }
        DatapointId.parse(sensor);
        DatapointId.parse(actuator);
        Configuration c = configurationAdmin.getFactoryConfiguration(PairConfig.PID, name, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("sensor", sensor);
        props.put("actuator", actuator);
        c.update(props);
        System.out.println("pair " + name + ": " + sensor + " drives " + actuator);
        return null;
    }
}
