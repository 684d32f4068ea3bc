package org.bemgate.core.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.bemgate.core.internal.json.MessageJson;

/** Text the bem: commands print and parse: ages, times, values. */
final class Format {

    private Format() {
    }

    /** @return a short age such as {@code 4s}, {@code 12m}, {@code 3h}, {@code 2d}; {@code -} for none */
    static String age(long timestamp, long now) {
        if (timestamp <= 0) {
            return "-";
        }
        long s = Math.max(0, (now - timestamp) / 1000);
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 172_800) {
            return s / 3600 + "h";
        }
        return s / 86_400 + "d";
    }

    /** @return the ISO-8601 UTC time of epoch milliseconds */
    static String time(long timestamp) {
        return Instant.ofEpochMilli(timestamp).toString();
    }

    /** @return a JSON value as JSON text, cut to a width */
    static String value(Object v, int width) {
        String s = MessageJson.write(v);
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    /**
     * Parses a time: {@code now}, a time relative to now as Grafana writes it ({@code now-1h},
     * {@code now-30m}, {@code now-2d}; also {@code -1h} where the shell lets a leading dash through),
     * an ISO-8601 instant, or epoch milliseconds.
     *
     * @throws IllegalArgumentException saying which forms are understood
     */
    static long parseTime(String text, long now) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return now;
        }
        if (t.toLowerCase().startsWith("now-")) {
            t = t.substring(3);
        }
        if (t.startsWith("-") && t.length() > 2) {
            return now - parseDuration(t.substring(1)).toMillis();
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(t);
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: use now, now-30s, now-15m, now-2h, now-7d, "
                    + "an ISO time such as 2026-01-31T12:00:00Z, or epoch milliseconds");
        }
    }

    /**
     * Parses a duration such as {@code 500ms}, {@code 10s}, {@code 15m}, {@code 1h}, {@code 1d}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(n);
                case 'm':
                    return Duration.ofMinutes(n);
                case 'h':
                    return Duration.ofHours(n);
                case 'd':
                    return Duration.ofDays(n);
                default:
                    break;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration: use 500ms, 10s, 15m, 1h or 1d");
    }
}
