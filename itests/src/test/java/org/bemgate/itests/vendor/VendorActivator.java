package org.bemgate.itests.vendor;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.connector.Connector;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts {@link VendorConnector} whenever a {@link DatapointRegistry} is there, the way a vendor
 * without Declarative Services would: plain OSGi, core-api only.
 */
public final class VendorActivator implements BundleActivator {

    private ServiceTracker<DatapointRegistry, Running> tracker;

    @Override
    public void start(BundleContext context) {
        String version = context.getBundle().getVersion().toString();
        tracker = new ServiceTracker<>(context, DatapointRegistry.class, null) {
            @Override
            public Running addingService(ServiceReference<DatapointRegistry> reference) {
                return new Running(context, context.getService(reference), version);
            }

            @Override
            public void removedService(ServiceReference<DatapointRegistry> reference, Running running) {
                running.stop();
                context.ungetService(reference);
            }
        };
        tracker.open();
    }

    @Override
    public void stop(BundleContext context) {
        tracker.close();
    }

    /** One connector instance with its poll thread and service registration. */
    private static final class Running {
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "vendor-demo-poll"));
        private final ServiceRegistration<Connector> registration;

        Running(BundleContext context, DatapointRegistry registry, String version) {
            VendorConnector connector = new VendorConnector(registry, version);
            connector.registerDatapoints();
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(Connector.NAME, VendorConnector.NAME);
            props.put(Connector.PROTOCOL, "vendor");
            registration = context.registerService(Connector.class, connector, props);
            scheduler.scheduleWithFixedDelay(connector::poll, 0, 200, TimeUnit.MILLISECONDS);
        }

        void stop() {
            scheduler.shutdownNow();
            registration.unregister();
        }
    }
}
