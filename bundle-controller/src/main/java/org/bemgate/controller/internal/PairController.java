package org.bemgate.controller.internal;

import java.util.List;

import org.bemgate.core.api.Datapoint;
import org.bemgate.core.api.DatapointEvent;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.core.api.DatapointType;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;
import org.bemgate.core.api.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controlled pair: keeps the actuator's setpoint and schedule and the sensor's latest value,
 * and writes the decided value through the registry whenever it changes. Re-evaluates on every
 * sensor value, setpoint, schedule, and at every item start and end. Thread-safe.
 */
final class PairController {

    private static final Logger LOG = LoggerFactory.getLogger(PairController.class);

    private final String name;
    private final DatapointId sensor;
    private final DatapointId actuator;
    private final DatapointRegistry registry;
    private final Timers timers;
    private TimedList<SetpointItem> setpoints;
    private TimedList<ScheduleItem> schedules;
    private boolean hasSensor;
    private Object sensorValue;
    private boolean written;
    private Object lastWritten;
    private Decision lastDecision = new Decision(null, "not evaluated yet");
    private String lastOutcome = "";
    private String problem = "";
    private Runnable pendingTimer;
    private long nextChange = Long.MAX_VALUE;
    private boolean closed;

    PairController(String name, DatapointId sensor, DatapointId actuator, DatapointRegistry registry, Timers timers) {
        this.name = name;
        this.sensor = sensor;
        this.actuator = actuator;
        this.registry = registry;
        this.timers = timers;
    }

    /** Picks up what the registry kept (across restarts) and evaluates. */
    synchronized void start() {
        if (!checkDatapoints()) {
            return;
        }
        Datapoint a = registry.get(actuator).orElseThrow();
        long now = timers.now();
        if (a.setpoint() != null) {
            setpoints = setpointList(a.setpoint(), Math.min(now, a.setpoint().timestamp()));
        }
        if (a.schedule() != null) {
            schedules = scheduleList(a.schedule(), Math.min(now, a.schedule().timestamp()));
        }
        registry.get(sensor).map(Datapoint::value).ifPresent(v -> {
            hasSensor = true;
            sensorValue = v.value();
        });
        evaluate();
    }

    /** Takes one event of the sensor or the actuator. */
    synchronized void onEvent(DatapointEvent e) {
        if (closed) {
            return;
        }
        long now = timers.now();
        switch (e.kind()) {
            case METADATA -> {
                if (!problem.isEmpty()) {
                    start();
                }
                return;
            }
            case VALUE -> {
                if (!e.id().equals(sensor)) {
                    return;
                }
                hasSensor = true;
                sensorValue = e.value().value();
            }
            case SETPOINT -> {
                if (!e.id().equals(actuator)) {
                    return;
                }
                setpoints = setpointList(e.setpoint(), now);
            }
            case SCHEDULE -> {
                if (!e.id().equals(actuator)) {
                    return;
                }
                schedules = scheduleList(e.schedule(), now);
            }
            default -> {
                return;
            }
        }
        if (problem.isEmpty()) {
            evaluate();
        }
    }

    synchronized void close() {
        closed = true;
        cancelTimer();
    }

    synchronized PairState state() {
        long now = timers.now();
        return new PairState(name, sensor, actuator, problem, setpoints == null ? null : setpoints.activeAt(now),
                schedules == null ? null : schedules.activeAt(now), written ? lastWritten : null, lastDecision.rule(),
                lastOutcome, nextChange);
    }

    private boolean checkDatapoints() {
        problem = missingOrWrong(sensor, null);
        if (problem.isEmpty()) {
            problem = missingOrWrong(actuator, DatapointType.ACTUATOR);
        }
        if (!problem.isEmpty()) {
            LOG.warn("Controlled pair '{}' does nothing: {}", name, problem);
            return false;
        }
        return true;
    }

    private String missingOrWrong(DatapointId id, DatapointType required) {
        return registry.get(id).map(d -> required != null && d.metadata().type() != required
                ? id + " is a " + d.metadata().type().name().toLowerCase() + ", not an " + required.name().toLowerCase()
                : "").orElse(id + " does not exist (yet); the pair starts when it appears");
    }

    private void evaluate() {
        if (closed) {
            return;
        }
        long now = timers.now();
        SetpointItem sp = setpoints == null ? null : setpoints.activeAt(now);
        ScheduleItem sc = schedules == null ? null : schedules.activeAt(now);
        Decision d = Decision.decide(sp, sc, hasSensor, sensorValue);
        lastDecision = d;
        if (d.value() != null && !(written && JsonValues.same(lastWritten, d.value()))) {
            write(d.value(), now);
        }
        scheduleNextChange(now);
    }

    private void write(Object value, long now) {
        // Counted as written at once, so events in the meantime do not write it again; a refusal undoes that.
        written = true;
        lastWritten = value;
        lastOutcome = "writing " + value;
        registry.write(actuator, new Value(value, now)).whenComplete((outcome, error) -> written(value, outcome, error));
    }

    private synchronized void written(Object value, WriteOutcome outcome, Throwable error) {
        if (error == null && outcome.isAccepted()) {
            lastOutcome = "wrote " + value;
            return;
        }
        String why = error != null ? String.valueOf(error.getMessage()) : outcome.status() + ": " + outcome.reason();
        lastOutcome = "writing " + value + " failed: " + why + "; retried on the next event";
        LOG.warn("Controlled pair '{}': {}", name, lastOutcome);
        if (JsonValues.same(lastWritten, value)) {
            written = false;
        }
    }

    private void scheduleNextChange(long now) {
        cancelTimer();
        long next = Math.min(setpoints == null ? Long.MAX_VALUE : setpoints.nextChangeAfter(now),
                schedules == null ? Long.MAX_VALUE : schedules.nextChangeAfter(now));
        nextChange = next;
        if (next != Long.MAX_VALUE) {
            pendingTimer = timers.at(next, this::timerFired);
        }
    }

    private synchronized void timerFired() {
        pendingTimer = null;
        if (problem.isEmpty()) {
            evaluate();
        }
    }

    private void cancelTimer() {
        if (pendingTimer != null) {
            pendingTimer.run();
            pendingTimer = null;
        }
    }

    private static TimedList<SetpointItem> setpointList(Setpoint s, long received) {
        List<SetpointItem> items = s == null ? List.of() : s.items();
        return new TimedList<>(items, SetpointItem::fromTimestamp, SetpointItem::toTimestamp, received);
    }

    private static TimedList<ScheduleItem> scheduleList(Schedule s, long received) {
        List<ScheduleItem> items = s == null ? List.of() : s.items();
        return new TimedList<>(items, ScheduleItem::fromTimestamp, ScheduleItem::toTimestamp, received);
    }
}
