package org.bemgate.mqtt.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.Connector;
import org.bemgate.core.api.connector.ConnectorHealth;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;

/** A connector whose health the test sets and whose writes it records. */
public final class FakeConnector implements Connector {

    /** One write the registry routed here. */
    public record Write(String key, Object value) {
    }

    private final String name;
    private final HealthTracker health = new HealthTracker();
    public final List<Write> writes = new CopyOnWriteArrayList<>();
    public volatile WriteOutcome answer = WriteOutcome.accepted();

    public FakeConnector(String name) {
        this.name = name;
        health.set(ConnectorStatus.ONLINE, "");
    }

    public void status(ConnectorStatus status, String reason) {
        health.set(status, reason);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return "fake";
    }

    @Override
    public ConnectorHealth health() {
        return health.snapshot();
    }

    @Override
    public CompletionStage<WriteOutcome> write(String key, Object value) {
        writes.add(new Write(key, value));
        return CompletableFuture.completedFuture(answer);
    }
}
