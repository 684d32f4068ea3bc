package org.bemgate.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;

import org.junit.Test;
import org.ops4j.pax.exam.TestAddress;
import org.ops4j.pax.exam.TestContainer;
import org.osgi.framework.BundleException;

public class BootRaceTolerantPerClassTest {

    @Test
    public void aProbeRefusedDuringBootIsStartedAgainAndTheContainerStillStops() {
        Fake fake = new Fake(new RuntimeException("Bundle cannot be installed",
                new BundleException("Resolver hook prevented resolution. Unresolved requirements: []")));
        BootRaceTolerantPerClass.ProbeRetrying container = new BootRaceTolerantPerClass.ProbeRetrying(fake);

        assertEquals(42L, container.installProbe(new ByteArrayInputStream(new byte[] { 1, 2, 3 })));
        assertEquals(2, fake.probes.size());
        assertArrayEquals(fake.probes.get(0), fake.probes.get(1));
        assertEquals("the probe is uninstalled once at the end, not twice", List.of(42L), fake.target.getClientRBC().installed);
    }

    @Test
    public void anyOtherFailurePassesThroughAtOnce() {
        RuntimeException other = new RuntimeException("Bundle cannot be installed", new BundleException("missing requirement"));
        Fake fake = new Fake(other);
        BootRaceTolerantPerClass.ProbeRetrying container = new BootRaceTolerantPerClass.ProbeRetrying(fake);

        assertSame(other, assertThrows(RuntimeException.class, () -> container.installProbe(new ByteArrayInputStream(new byte[1]))));
        assertEquals(1, fake.probes.size());
    }

    /**
     * Fails the first probe install with the given exception, then succeeds; like Pax Exam's container it
     * lists the probe's bundle id for uninstalling on every attempt, in a client reached through its target.
     */
    private static final class Fake implements TestContainer {
        final List<byte[]> probes = new ArrayList<>();
        final Target target = new Target();
        RuntimeException firstProbeFailure;

        Fake(RuntimeException firstProbeFailure) {
            this.firstProbeFailure = firstProbeFailure;
        }

        @Override
        public long installProbe(InputStream stream) {
            try {
                probes.add(stream.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            target.getClientRBC().installed.push(42L);
            RuntimeException f = firstProbeFailure;
            firstProbeFailure = null;
            if (f != null) {
                throw f;
            }
            return 42L;
        }

        @Override
        public TestContainer stop() {
            return this;
        }

        @Override
        public TestContainer start() {
            return this;
        }

        @Override
        public long install(InputStream stream) {
            return 0;
        }

        @Override
        public long install(String location, InputStream stream) {
            return 0;
        }

        @Override
        public void uninstallProbe() {
        }

        @Override
        public void call(TestAddress address) {
        }
    }

    public static final class Target {
        private final Client client = new Client();

        public Client getClientRBC() {
            return client;
        }
    }

    public static final class Client {
        final Stack<Long> installed = new Stack<>();
    }
}
