package org.bemgate.simulators.internal;

import java.io.IOException;

import org.bemgate.simulators.modbus.DemoRoom;
import org.bemgate.simulators.modbus.ModbusSimulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/** Runs one simulated Modbus device per factory configuration, for the demo. */
@Component(service = {}, configurationPid = SimulatorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimulatorConfig.class, factory = true)
public final class SimulatorComponent {

    private static final System.Logger LOG = System.getLogger(SimulatorComponent.class.getName());

    private final AutoCloseable device;

    /** Starts the device; a port in use fails activation with the address in the message. */
    @Activate
    public SimulatorComponent(SimulatorConfig config) throws IOException {
        String where = config.bind() + ":" + config.port();
        try {
            device = switch (config.device()) {
                case "demo-room" -> new DemoRoom(config.bind(), config.port()).start();
                case "modbus" -> new ModbusSimulator(config.bind(), config.port()).start();
                default -> throw new IllegalArgumentException("device: '" + config.device() + "' is not demo-room or modbus");
            };
        } catch (IOException e) {
            throw new IOException("The " + config.device() + " simulator cannot listen on " + where + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "Simulated {0} device listening on {1}", config.device(), where);
    }

    @Deactivate
    public void stop() throws Exception {
        device.close();
    }
}
