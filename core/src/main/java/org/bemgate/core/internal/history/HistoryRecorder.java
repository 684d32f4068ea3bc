package org.bemgate.core.internal.history;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointListener;
import org.bemgate.core.api.metrics.Metric;
import org.bemgate.core.api.metrics.MetricsSource;
import org.bemgate.core.internal.db.CoreConfig;
import org.bemgate.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes values, setpoints and schedules of active datapoints into the history, each delivered
 * batch in one transaction on the listener's own delivery thread (never the publisher's), and
 * deletes what is older than the retention hourly.
 *
 * <p>It needs only the database, not the registry: the registry binds every listener, so a
 * listener that also required the registry would make a reference cycle that SCR resolves
 * differently from boot to boot.
 */
@Component(service = { DatapointListener.class, HistoryRecorder.class, MetricsSource.class }, configurationPid = CoreConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
            DatapointListener.ACTIVE_ONLY + ":Boolean=true",
            DatapointListener.KINDS + "=VALUE", DatapointListener.KINDS + "=SETPOINT", DatapointListener.KINDS + "=SCHEDULE" })
public final class HistoryRecorder implements DatapointListener, MetricsSource {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);
    private static final int WRITE_ATTEMPTS = 3;

    private final HistoryStore store;
    private final ScheduledExecutorService retention;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    /** Opens the history tables and schedules the retention job. */
    @Activate
    public HistoryRecorder(@Reference Database database, CoreConfig config) throws SQLException {
        this.store = new HistoryStore(database, config.historyQueryLimit());
        this.retention = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bemgate-history-retention");
            t.setDaemon(true);
            return t;
        });
        int days = config.retentionDays();
        if (days > 0) {
            retention.scheduleWithFixedDelay(() -> purge(days), 1, 60, TimeUnit.MINUTES);
        }
    }

    @Override
    public List<Metric> metrics() {
        return List.of(
                Metric.counter("bemgate_history_values_written_total", "values written to the history store", written.get()),
                Metric.counter("bemgate_history_values_lost_total", "values the history store could not write", lost.get()));
    }

    /** Stops the retention job and closes the writer. */
    @Deactivate
    public void close() {
        retention.shutdownNow();
        store.close();
    }

    @Override
    public void onEvent(DatapointEvent event) {
        onEvents(List.of(event));
    }

    @Override
    public void onEvents(List<DatapointEvent> events) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                written.addAndGet(store.write(events));
                return;
            } catch (SQLException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    lost.addAndGet(events.size());
                    LOG.error("Could not write {} history messages after {} attempts: {} ({} lost since start)",
                            events.size(), WRITE_ATTEMPTS, e.getMessage(), lost.get());
                    return;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return the store the recorder writes, for the query side */
    HistoryStore store() {
        return store;
    }

    /** @return messages written since start */
    public long written() {
        return written.get();
    }

    private void purge(int days) {
        try {
            int n = store.purgeBefore(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(days));
            if (n > 0) {
                LOG.info("History retention: deleted {} messages older than {} days", n, days);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("History retention job failed: {}; it runs again in an hour", e.getMessage());
        }
    }
}
