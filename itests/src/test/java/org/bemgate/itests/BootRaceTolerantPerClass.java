package org.bemgate.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.ops4j.pax.exam.TestAddress;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.spi.StagedExamReactor;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Pax Exam's per-class reactor, tolerant of one known race: the test probe can arrive while Karaf is
 * still deploying the boot features, and Karaf's resolver hook then refuses to resolve it
 * ("Resolver hook prevented resolution", PAXEXAM-765). The probe is then simply started again a
 * moment later, once the deployment is over; every other failure passes through unchanged.
 */
public class BootRaceTolerantPerClass extends PerClass {

    private static final String RACE = "Resolver hook prevented resolution";

    @Override
    public StagedExamReactor create(List<TestContainer> containers, List<TestProbeBuilder> probes) {
        return super.create(containers.stream().<TestContainer>map(ProbeRetrying::new).toList(), probes);
    }

    static final class ProbeRetrying implements TestContainer {
        private final TestContainer delegate;

        ProbeRetrying(TestContainer delegate) {
            this.delegate = delegate;
        }

        @Override
        public long installProbe(InputStream stream) {
            byte[] probe;
            try {
                probe = stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int attempt = 1;; attempt++) {
                try {
                    // Same location each time, so a retry starts the bundle the failed attempt installed.
                    long id = delegate.installProbe(new ByteArrayInputStream(probe));
                    if (attempt > 1) {
                        forgetDuplicate(delegate);
                    }
                    return id;
                } catch (RuntimeException e) {
                    if (attempt == 10 || !causedByRace(e)) {
                        throw e;
                    }
                    System.err.println("Probe arrived during Karaf's boot deployment; starting it again (attempt " + (attempt + 1) + ")");
                    sleep(1000);
                }
            }
        }

        /**
         * Each attempt put the probe's bundle id on the remote client's list of bundles to uninstall at
         * the end; uninstalling it twice would make stopping the container fail before Karaf is shut
         * down. Pax Exam offers no way to this list, hence reflection (checked against 4.14).
         */
        static void forgetDuplicate(TestContainer container) {
            try {
                Object target = field(container, "target");
                Object client = target.getClass().getMethod("getClientRBC").invoke(target);
                java.util.List<?> installed = (java.util.List<?>) field(client, "installed");
                int n = installed.size();
                if (n >= 2 && installed.get(n - 1).equals(installed.get(n - 2))) {
                    installed.remove(n - 1);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.err.println("Could not drop the retried probe's duplicate entry (" + e + "); stopping the container may report it");
            }
        }

        private static Object field(Object o, String name) throws ReflectiveOperationException {
            for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
                try {
                    java.lang.reflect.Field f = c.getDeclaredField(name);
                    f.setAccessible(true);
                    return f.get(o);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            throw new NoSuchFieldException(name);
        }

        @Override
        public TestContainer stop() {
            return delegate.stop();
        }

        @Override
        public TestContainer start() {
            delegate.start();
            return this;
        }

        @Override
        public long install(InputStream stream) {
            return delegate.install(stream);
        }

        @Override
        public long install(String location, InputStream stream) {
            return delegate.install(location, stream);
        }

        @Override
        public void uninstallProbe() {
            delegate.uninstallProbe();
        }

        @Override
        public void call(TestAddress address) {
            delegate.call(address);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }

        private static boolean causedByRace(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains(RACE)) {
                    return true;
                }
            }
            return false;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to start the probe again", e);
            }
        }
    }
}
