package org.bemgate.controller.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The controller's one timer thread, shared by every pair, on the system clock. */
@Component(service = Timers.class)
public final class SchedulerTimers implements Timers {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bemgate-controller-timers");
        t.setDaemon(true);
        return t;
    });

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public Runnable at(long time, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, time - now()), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Deactivate
    public void close() {
        executor.shutdownNow();
    }
}
