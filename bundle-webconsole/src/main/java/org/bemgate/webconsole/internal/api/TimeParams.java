package org.bemgate.webconsole.internal.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses times and durations of query parameters: epoch milliseconds, ISO-8601 instants, {@code now},
 * and relative times such as {@code -15m}, {@code -1h}, {@code -7d}; durations as milliseconds or
 * {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}.
 */
public final class TimeParams {

    private TimeParams() {
    }

    /**
     * @param text the parameter, or null
     * @param name the parameter's name, for errors
     * @param now epoch ms
     * @param dflt the value when absent
     * @return epoch ms
     */
    public static long time(String text, String name, long now, long dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        String t = text.trim();
        if ("now".equalsIgnoreCase(t)) {
            return now;
        }
        if (t.startsWith("-") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 1))) {
            return now - duration(t.substring(1), name);
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new ApiException(400, "parameter '" + name + "' must be epoch milliseconds, an ISO-8601 time, "
                        + "'now' or a relative time such as -1h, not '" + text + "'");
            }
        }
    }

    /**
     * @param text a duration such as {@code 15m}, or milliseconds
     * @param name the parameter's name, for errors
     * @return milliseconds
     */
    public static long duration(String text, String name) {
        String t = text.trim();
        try {
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Long.parseLong(t);
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            switch (unit) {
                case 's': return n * 1000;
                case 'm': return n * 60_000;
                case 'h': return n * 3_600_000;
                case 'd': return n * 86_400_000;
                case 'w': return n * 7 * 86_400_000;
                default: throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            throw new ApiException(400, "parameter '" + name + "' must be a duration such as 30s, 15m, 1h, 1d or "
                    + "milliseconds, not '" + text + "'");
        }
    }
}
