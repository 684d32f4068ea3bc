package org.bemgate.core.internal.history;

import java.sql.SQLException;
import java.util.List;

import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.api.history.HistoryService;
import org.bemgate.core.internal.registry.ListenerDrain;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads the history the {@link HistoryRecorder} wrote, by datapoint id. */
@Component(service = HistoryService.class)
public final class HistoryServiceImpl implements HistoryService {

    private final HistoryRecorder recorder;
    private final DatapointRegistry registry;
    private final ListenerDrain drain;

    /** Wires the query side to the recorder and the registry that resolves ids. */
    @Activate
    public HistoryServiceImpl(@Reference HistoryRecorder recorder, @Reference DatapointRegistry registry,
            @Reference ListenerDrain drain) {
        this.recorder = recorder;
        this.registry = registry;
        this.drain = drain;
    }

    @Override
    public List<HistoryPoint> query(HistoryQuery query) {
        long number = registry.get(query.id()).orElseThrow(() -> new UnknownDatapointException(query.id())).number();
        try {
            return recorder.store().query(number, query);
        } catch (SQLException e) {
            throw new IllegalStateException("history query of " + query.id() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean flush(long timeoutMillis) {
        return drain.drain(recorder, timeoutMillis);
    }
}
