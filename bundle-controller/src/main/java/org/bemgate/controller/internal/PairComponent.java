package org.bemgate.controller.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controlled pair per factory configuration {@code org.bemgate.controller}. It listens to just its
 * two datapoints, registering its listener itself because the datapoints come from the configuration.
 * A configuration that names no valid datapoint shows the problem in {@code bem:pairs}.
 */
// Immediate: a pair controls whether or not anybody looks at it.
@Component(immediate = true, service = PairView.class, configurationPid = PairConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PairConfig.class, factory = true)
public final class PairComponent implements PairView {

    private static final Logger LOG = LoggerFactory.getLogger(PairComponent.class);

    private final PairController pair;
    private final PairState invalid;
    private final ServiceRegistration<DatapointListener> listener;

    /** Starts controlling, or reports why it cannot. */
    @Activate
    public PairComponent(@Reference DatapointRegistry registry, @Reference Timers timers, PairConfig config, BundleContext context) {
        DatapointId sensor;
        DatapointId actuator;
        String name = config.name() == null || config.name().isBlank() ? String.valueOf(config.actuator()) : config.name().trim();
        try {
            sensor = parse("sensor", config.sensor());
            actuator = parse("actuator", config.actuator());
        } catch (IllegalArgumentException e) {
            LOG.error("Controlled pair '{}' is not started: {}. Fix etc/{}-<name>.cfg or use bem:pair-add.", name, e.getMessage(),
                    PairConfig.PID);
            pair = null;
            listener = null;
            invalid = new PairState(name, null, null, e.getMessage(), null, null, null, "", "", Long.MAX_VALUE);
            return;
        }
        invalid = null;
        pair = new PairController(name, sensor, actuator, registry, timers);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(DatapointListener.DATAPOINTS, new String[] { sensor.toString(), actuator.toString() });
        props.put(DatapointListener.KINDS, new String[] { "VALUE", "SETPOINT", "SCHEDULE", "METADATA" });
        pair.start();
        listener = context.registerService(DatapointListener.class, new DatapointListener() {
            @Override
            public void onEvent(DatapointEvent event) {
                pair.onEvent(event);
            }

            @Override
            public void onEvents(List<DatapointEvent> events) {
                events.forEach(pair::onEvent);
            }
        }, props);
        LOG.info("Controlled pair '{}': {} drives {}", name, sensor, actuator);
    }

    @Deactivate
    public void close() {
        if (listener != null) {
            listener.unregister();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Override
    public PairState state() {
        return pair == null ? invalid : pair.state();
    }

    private static DatapointId parse(String property, String value) {
        try {
            return DatapointId.parse(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": '" + value + "' is not a datapoint id <connector>/<key> ("
                    + e.getMessage() + ")", e);
        }
    }
}
