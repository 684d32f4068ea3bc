package org.bemgate.core.internal.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointListener;

/** Small helpers for registry tests: a recording listener and condition polling. */
final class RegistryTestSupport {

    private RegistryTestSupport() {
    }

    /** Keeps every event it receives. */
    static class Recorder implements DatapointListener {
        final List<DatapointEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvent(DatapointEvent event) {
            events.add(event);
        }

        int size() {
            return events.size();
        }
    }

    static void waitFor(BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
