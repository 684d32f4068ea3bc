package org.bemgate.simulators.knx;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/** Runs one simulated KNX IP interface per factory configuration, for the demo and the integration tests. */
@Component(service = {}, configurationPid = KnxSimulatorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = KnxSimulatorConfig.class, factory = true)
public final class KnxSimulatorComponent {

    private static final System.Logger LOG = System.getLogger(KnxSimulatorComponent.class.getName());

    private final KnxIpSimulator simulator;

    /** Starts the interface; a port in use or a bad value fails activation with the reason in the message. */
    @Activate
    public KnxSimulatorComponent(KnxSimulatorConfig config) throws IOException {
        String where = config.bind() + ":" + config.port();
        simulator = new KnxIpSimulator(config.bind(), config.port());
        for (String entry : config.values() == null ? new String[0] : config.values()) {
            for (String item : entry.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                int eq = item.indexOf('=');
                try {
                    simulator.setValue(item.substring(0, Math.max(eq, 0)), GroupValue.parse(item.substring(eq + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("values: '" + item.strip() + "' is not <group address>=<hex bytes> or "
                            + "<group address>=small:<0-63>: " + e.getMessage(), e);
                }
            }
        }
        try {
            simulator.start();
        } catch (IOException e) {
            throw new IOException("The KNX IP simulator cannot listen on " + where + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "Simulated KNX IP interface listening on UDP {0}", where);
    }

    @Deactivate
    public void stop() {
        simulator.close();
    }
}
