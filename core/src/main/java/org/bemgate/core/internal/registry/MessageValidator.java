package org.bemgate.core.internal.registry;

import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.InvalidMessageException;
import org.bemgate.core.api.Schedule;
import org.bemgate.core.api.ScheduleItem;
import org.bemgate.core.api.Setpoint;
import org.bemgate.core.api.SetpointItem;
import org.bemgate.core.api.Value;
import org.bemgate.core.internal.json.MessageJson;

/**
 * BEMCom's validation rules for values, setpoints and schedules (its API's {@code GenericValidators}),
 * with reasons that name the datapoint and what is wrong.
 */
public final class MessageValidator {

    /** How far in the past a timestamp may lie: about 15.8 years, as BEMCom. */
    static final long MAX_PAST_MILLIS = 500_000_000_000L;
    /** How far in the future a timestamp may lie: about 3.2 years, as BEMCom. */
    static final long MAX_FUTURE_MILLIS = 100_000_000_000L;

    private MessageValidator() {
    }

    /**
     * Checks a value against the datapoint's data format and the timestamp against the clock.
     *
     * @throws InvalidMessageException naming the problem
     */
    public static void checkValue(DatapointMetadata meta, Value value, long now) {
        checkTimestamp(meta, "value", value.timestamp(), now);
        String problem = valueProblem(meta, value.value());
        if (problem != null) {
            throw new InvalidMessageException(problem + " (" + meta.id() + ")");
        }
    }

    /**
     * Checks a setpoint: timestamps, item order, and the keys BEMCom requires per data format.
     *
     * @throws InvalidMessageException naming the problem
     */
    public static void checkSetpoint(DatapointMetadata meta, Setpoint setpoint, long now) {
        checkTimestamp(meta, "setpoint", setpoint.timestamp(), now);
        int i = 0;
        for (SetpointItem item : setpoint.items()) {
            String where = "setpoint item " + i++ + " of " + meta.id();
            checkPeriod(meta, where, item.fromTimestamp(), item.toTimestamp(), now);
            DataFormat f = meta.dataFormat();
            if (f.isDiscrete() && item.acceptableValues() == null) {
                throw new InvalidMessageException(where + ": acceptable_values is required for " + f.bemcomName() + " datapoints");
            }
            if (f == DataFormat.CONTINUOUS_NUMERIC && (item.minValue() == null || item.maxValue() == null)) {
                throw new InvalidMessageException(where + ": min_value and max_value are required for continuous_numeric datapoints");
            }
        }
    }

    /**
     * Checks a schedule: timestamps, item order, and every non-null item value against the data format.
     *
     * @throws InvalidMessageException naming the problem
     */
    public static void checkSchedule(DatapointMetadata meta, Schedule schedule, long now) {
        checkTimestamp(meta, "schedule", schedule.timestamp(), now);
        int i = 0;
        for (ScheduleItem item : schedule.items()) {
            String where = "schedule item " + i++ + " of " + meta.id();
            checkPeriod(meta, where, item.fromTimestamp(), item.toTimestamp(), now);
            // null means "leave the actuator alone", which any data format allows
            String problem = item.value() == null ? null : valueProblem(meta, item.value());
            if (problem != null) {
                throw new InvalidMessageException(where + ": " + problem);
            }
        }
    }

    /** @return why the value does not fit the data format, or null if it does */
    static String valueProblem(DatapointMetadata meta, Object v) {
        DataFormat f = meta.dataFormat();
        switch (f) {
            case UNKNOWN:
                return null;
            case BOOL:
                return v instanceof Boolean ? null : "value " + show(v) + " is not a bool (true or false)";
            case GENERIC_TEXT:
                return v == null || v instanceof String ? null : "value " + show(v) + " is not a string";
            case DISCRETE_TEXT:
                if (!(v instanceof String)) {
                    return "value " + show(v) + " is not a string";
                }
                return allowed(meta, v);
            case GENERIC_NUMERIC:
                return v == null || isNumber(v) ? null : "value " + show(v) + " is not a number";
            case DISCRETE_NUMERIC:
                if (!isNumber(v)) {
                    return "value " + show(v) + " is not a number";
                }
                return allowed(meta, v);
            case CONTINUOUS_NUMERIC:
                if (v == null) {
                    return null;
                }
                if (!isNumber(v)) {
                    return "value " + show(v) + " is not a number";
                }
                double d = ((Number) v).doubleValue();
                if (meta.minValue() != null && d < meta.minValue()) {
                    return "value " + show(v) + " is below min_value " + meta.minValue();
                }
                if (meta.maxValue() != null && d > meta.maxValue()) {
                    return "value " + show(v) + " is above max_value " + meta.maxValue();
                }
                return null;
            default:
                throw new IllegalStateException("unhandled data format " + f);
        }
    }

    private static String allowed(DatapointMetadata meta, Object v) {
        List<Object> allowed = meta.allowedValues();
        if (allowed != null) {
            for (Object a : allowed) {
                if (sameValue(a, v)) {
                    return null;
                }
            }
        }
        return "value " + show(v) + " is not one of the allowed values " + (allowed == null ? "[]" : show(allowed));
    }

    /** Numbers compare by value, so 1 and 1.0 are the same allowed value. */
    private static boolean sameValue(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return a == null ? b == null : a.equals(b);
    }

    private static boolean isNumber(Object v) {
        // BEMCom rejects bools for numeric formats; in Java they are no Numbers anyway.
        return v instanceof Number && !(v instanceof Double && ((Double) v).isNaN());
    }

    private static void checkPeriod(DatapointMetadata meta, String where, Long from, Long to, long now) {
        if (from != null) {
            checkTimestamp(meta, where + " from_timestamp", from, now);
        }
        if (to != null) {
            checkTimestamp(meta, where + " to_timestamp", to, now);
        }
        if (from != null && to != null && from >= to) {
            throw new InvalidMessageException(where + ": from_timestamp " + from + " is not before to_timestamp " + to);
        }
    }

    private static void checkTimestamp(DatapointMetadata meta, String what, long ts, long now) {
        if (ts < now - MAX_PAST_MILLIS || ts > now + MAX_FUTURE_MILLIS) {
            throw new InvalidMessageException(what + " timestamp " + ts + " of " + meta.id()
                    + " is not epoch milliseconds within about 15 years before and 3 years after now");
        }
    }

    private static String show(Object v) {
        try {
            return MessageJson.write(v);
        } catch (IllegalArgumentException e) {
            return String.valueOf(v);
        }
    }
}
