package org.bemgate.controller.internal.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.karaf.config.core.ConfigRepository;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bemgate.controller.internal.PairConfig;
import org.bemgate.core.api.DatapointId;
import org.osgi.service.cm.Configuration;

/**
 * {@code bem:pair-add}: creates or replaces a controlled pair. Karaf's configuration repository keeps it
 * as {@code etc/org.bemgate.controller-NAME.cfg}, as {@code config:edit --factory} would, so it
 * survives restarts and an operator can read and edit it.
 */
@Command(scope = "bem", name = "pair-add", description = "Makes a sensor drive an actuator with the actuator's setpoint and schedule")
@Service
public class PairAddCommand implements Action {

    @Reference
    ConfigRepository configRepository;

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
        Configuration[] pairs = configRepository.getConfigAdmin()
                .listConfigurations("(service.factoryPid=" + PairConfig.PID + ")");
        Configuration same = null;
        for (Configuration c : pairs == null ? new Configuration[0] : pairs) {
            Object other = c.getProperties().get("name");
            if (name.equals(other)) {
                same = c;
            } else if (actuator.equals(String.valueOf(c.getProperties().get("actuator")).trim())) {
                System.err.println(actuator + " is already driven by pair '" + other + "'; one pair per actuator (bem:pair-remove "
                        + other + " first)");
                return null;
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", name);
        props.put("sensor", sensor);
        props.put("actuator", actuator);
        if (same == null) {
            configRepository.createFactoryConfiguration(PairConfig.PID, name, props);
        } else {
            configRepository.update(same.getPid(), props);
        }
        System.out.println("pair " + name + ": " + sensor + " drives " + actuator);
        return null;
    }
}
