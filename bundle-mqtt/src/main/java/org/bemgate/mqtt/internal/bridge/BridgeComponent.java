package org.bemgate.mqtt.internal.bridge;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.bemgate.connector.support.ExecutorScheduler;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.metrics.Metric;
import org.bemgate.core.api.metrics.MetricsSource;
import org.bemgate.mqtt.internal.client.BrokerSettings;
import org.bemgate.mqtt.internal.client.ConfigProblem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge as a component of {@code etc/org.bemgate.mqtt.cfg}. Without a host, or with a property
 * that cannot work, it logs why and does nothing else; the gateway runs on without a broker.
 *
 * <p>Its registry listener is registered from activation, not declared as a service, because the
 * bridge also needs the registry (see {@link DatapointListener}). Connector services are only
 * watched, not used, to notice connectors sooner than the periodic look.
 */
@Component(immediate = true, service = MetricsSource.class, configurationPid = BridgeConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BridgeConfig.class)
public final class BridgeComponent implements MetricsSource {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeComponent.class);

    private final BemcomBridge bridge;

    /** Starts the bridge if a broker is configured; never blocks on the network. */
    @Activate
    public BridgeComponent(@Reference DatapointRegistry registry, BridgeConfig config, BundleContext context) {
        String host = config.host() == null ? "" : config.host().strip();
        if (host.isEmpty()) {
            LOG.info("MQTT bridge: no host in etc/{}.cfg, so no connector is bridged to MQTT", BridgeConfig.PID);
            bridge = null;
            return;
        }
        BemcomBridge b = null;
        try {
            BrokerSettings broker = BrokerSettings.check(host, config.port(), config.useTls(), config.caFile(), config.username(),
                    config._password(), config.clientId(), "bemgate-bridge-", config.keepAliveSeconds(), config.reconnectMaxSeconds());
            BridgeOptions options = BridgeOptions.of(config);
            b = new BemcomBridge(registry, broker, options, new ExecutorScheduler("bemgate-mqtt-bridge"), System::currentTimeMillis,
                    BridgeComponent::version, (listener, props) -> {
                        Dictionary<String, Object> d = new Hashtable<>(props);
                        ServiceRegistration<DatapointListener> r = context.registerService(DatapointListener.class, listener, d);
                        return r::unregister;
                    });
            b.start();
            LOG.info("MQTT bridge: connecting to {}", broker);
        } catch (ConfigProblem e) {
            LOG.error("MQTT bridge is not started: {}. Fix etc/{}.cfg; the gateway runs on without it.", e.getMessage(), BridgeConfig.PID);
        }
        bridge = b;
    }

    /** Disconnects and stops the bridge's threads. */
    @Deactivate
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
    }

    /** A connector service appeared: bridge it soon. */
    @Reference(service = Connector.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "connectorGone")
    void connectorAppeared(ServiceReference<Connector> reference) {
        BemcomBridge b = bridge;
        if (b != null) {
            b.rescanSoon();
        }
    }

    void connectorGone(ServiceReference<Connector> reference) {
        connectorAppeared(reference);
    }

    @Override
    public List<Metric> metrics() {
        BemcomBridge b = bridge;
        return b == null ? List.of() : b.metrics();
    }

    /** @return the version of the bundle a connector comes from, as BEMCom's {@code connector_version} */
    private static String version(Connector c) {
        Bundle bundle = FrameworkUtil.getBundle(c.getClass());
        return bundle == null ? null : bundle.getVersion().toString();
    }
}
