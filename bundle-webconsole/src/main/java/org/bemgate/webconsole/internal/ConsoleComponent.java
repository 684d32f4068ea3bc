package org.bemgate.webconsole.internal;

import java.util.List;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.history.HistoryService;
import org.bemgate.core.api.metrics.MetricsSource;
import org.bemgate.webconsole.internal.auth.JaasAuthenticator;
import org.bemgate.webconsole.internal.events.EventJson;
import org.bemgate.webconsole.internal.platform.BundleAdmin;
import org.bemgate.webconsole.internal.platform.ConnectorConfigs;
import org.bemgate.webconsole.internal.platform.FeatureAdmin;
import org.bemgate.webconsole.internal.platform.FrameworkBundleAdmin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Creates the {@link Console} the servlets share, feeds it registry events and bundle events, and hands
 * it the optional services as they come and go. Its registry listener is registered from activation,
 * not as this component's service, since the component itself needs the registry (see DatapointListener).
 */
@Component(service = ConsoleSource.class, configurationPid = WebConsoleConfig.PID, immediate = true)
@Designate(ocd = WebConsoleConfig.class)
public final class ConsoleComponent implements ConsoleSource {

    private final Console console;
    private final BundleContext context;
    private final BundleListener bundleListener;
    private final ServiceRegistration<DatapointListener> listener;

    /**
     * @param registry the datapoint registry
     * @param config the console configuration
     * @param context this bundle's context
     */
    @Activate
    public ConsoleComponent(@Reference DatapointRegistry registry, WebConsoleConfig config, BundleContext context) {
        this.context = context;
        this.console = new Console(registry, Settings.from(config),
                new JaasAuthenticator(config.jaasRealm(), ConsoleComponent.class.getClassLoader()), System::currentTimeMillis);
        this.bundleListener = e -> console.hub().publish(EventJson.bundle(FrameworkBundleAdmin.info(e.getBundle()), change(e)));
        console.start();
        context.addBundleListener(bundleListener);
        listener = context.registerService(DatapointListener.class, new DatapointListener() {
            @Override
            public void onEvent(DatapointEvent event) {
                console.onDatapointEvents(List.of(event));
            }

            @Override
            public void onEvents(List<DatapointEvent> events) {
                console.onDatapointEvents(events);
            }
        }, null);
    }

    /** Ends the live streams and stops polling. */
    @Deactivate
    public void deactivate() {
        listener.unregister();
        context.removeBundleListener(bundleListener);
        console.stop();
    }

    @Override
    public Console console() {
        return console;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setHistory(HistoryService h) {
        console.setHistory(h);
    }

    void unsetHistory(HistoryService h) {
        if (console.history() == h) {
            console.setHistory(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBundles(BundleAdmin b) {
        console.setBundles(b);
    }

    void unsetBundles(BundleAdmin b) {
        if (console.bundles() == b) {
            console.setBundles(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setFeatures(FeatureAdmin f) {
        console.setFeatures(f);
    }

    void unsetFeatures(FeatureAdmin f) {
        if (console.features() == f) {
            console.setFeatures(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMetricsSource(MetricsSource source) {
        console.metricsSources().add(source);
    }

    void removeMetricsSource(MetricsSource source) {
        console.metricsSources().remove(source);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setConfigs(ConnectorConfigs c) {
        console.setConfigs(c);
    }

    void unsetConfigs(ConnectorConfigs c) {
        if (console.configs() == c) {
            console.setConfigs(null);
        }
    }

    private static String change(BundleEvent e) {
        switch (e.getType()) {
            case BundleEvent.INSTALLED: return "INSTALLED";
            case BundleEvent.STARTED: return "STARTED";
            case BundleEvent.STOPPED: return "STOPPED";
            case BundleEvent.UPDATED: return "UPDATED";
            case BundleEvent.UNINSTALLED: return "UNINSTALLED";
            case BundleEvent.RESOLVED: return "RESOLVED";
            case BundleEvent.UNRESOLVED: return "UNRESOLVED";
            default: return "CHANGED";
        }
    }
}
