package org.bemgate.keba.internal;

import java.util.HashMap;
import java.util.Map;

import org.bemgate.keba.internal.codec.KebaCommand;

/**
 * The timing rules of KEBA's UDP guide V2.01 §2.1 for one station, on a millisecond clock:
 * {@code t_UDP_pause} 100 ms between any two commands, {@code t_COM_pause} 5 s between repeats of
 * the same command, {@code t_DIS_pause} 2 s of quiet after a command that stops charging.
 *
 * <p>"The same command" is the same text: {@code curr 10000} after {@code curr 16000} is a new
 * value, not a repetition, and goes after 100 ms; {@code report 2} polled again waits 5 s.
 */
final class CommandGate {

    static final long UDP_PAUSE_MILLIS = 100;
    static final long COM_PAUSE_MILLIS = 5000;
    static final long DIS_PAUSE_MILLIS = 2000;

    private final Map<String, Long> lastByText = new HashMap<>();
    private long lastSent = Long.MIN_VALUE;
    private long quietUntil = Long.MIN_VALUE;

    /**
     * @param command a command
     * @return the earliest time it may be sent
     */
    long earliest(KebaCommand command) {
        long at = lastSent == Long.MIN_VALUE ? Long.MIN_VALUE : lastSent + UDP_PAUSE_MILLIS;
        Long same = lastByText.get(command.text());
        if (same != null) {
            at = Math.max(at, same + COM_PAUSE_MILLIS);
        }
        return Math.max(at, quietUntil);
    }

    /**
     * Records a command as sent.
     *
     * @param command the command
     * @param at when
     */
    void sent(KebaCommand command, long at) {
        lastSent = at;
        // Forget what can no longer hold anything back, so varying values do not pile up.
        lastByText.values().removeIf(t -> t + COM_PAUSE_MILLIS <= at);
        lastByText.put(command.text(), at);
        if (command.disables()) {
            quietUntil = at + DIS_PAUSE_MILLIS;
        }
    }
}
