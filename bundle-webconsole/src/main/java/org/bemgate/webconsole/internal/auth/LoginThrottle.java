package org.bemgate.webconsole.internal.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after a number of failed logins for one user name or from one remote
 * address, further attempts are refused for a delay that doubles with every further failure.
 * Failures are forgotten an hour after the last one, or on a successful login.
 */
public final class LoginThrottle {

    private static final long FORGET_AFTER_MILLIS = 3_600_000;
    private static final int MAX_ENTRIES = 100_000;

    private final int maxFailures;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong totalFailures = new AtomicLong();
    private final AtomicLong totalRefused = new AtomicLong();

    /**
     * @param maxFailures failures allowed before delays start
     * @param baseDelay the first delay
     * @param maxDelay the longest delay
     * @param clock epoch milliseconds
     */
    public LoginThrottle(int maxFailures, Duration baseDelay, Duration maxDelay, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.baseDelayMillis = Math.max(1, baseDelay.toMillis());
        this.maxDelayMillis = Math.max(baseDelayMillis, maxDelay.toMillis());
        this.clock = clock;
    }

    /**
     * @param user the user name tried
     * @param address the remote address
     * @return milliseconds until another attempt is allowed, 0 if it is allowed now
     */
    public long retryAfterMillis(String user, String address) {
        long now = clock.getAsLong();
        long wait = Math.max(waitFor("u:" + user, now), waitFor("a:" + address, now));
        if (wait > 0) {
            totalRefused.incrementAndGet();
        }
        return wait;
    }

    /**
     * Records a failed login.
     *
     * @param user the user name tried
     * @param address the remote address
     * @return the number of failures of that user name in a row
     */
    public int failed(String user, String address) {
        totalFailures.incrementAndGet();
        long now = clock.getAsLong();
        if (entries.size() > MAX_ENTRIES) {
            entries.values().removeIf(e -> now - e.lastFailure > FORGET_AFTER_MILLIS);
        }
        record("a:" + address, now);
        return record("u:" + user, now);
    }

    /**
     * Forgets the failures of a user and address after a successful login.
     *
     * @param user the user name
     * @param address the remote address
     */
    public void succeeded(String user, String address) {
        entries.remove("u:" + user);
        entries.remove("a:" + address);
    }

    /** @return failed logins since start */
    public long totalFailures() {
        return totalFailures.get();
    }

    /** @return attempts refused because of a delay since start */
    public long totalRefused() {
        return totalRefused.get();
    }

    private long waitFor(String key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            return 0;
        }
        synchronized (e) {
            if (now - e.lastFailure > FORGET_AFTER_MILLIS) {
                entries.remove(key, e);
                return 0;
            }
            return Math.max(0, e.blockedUntil - now);
        }
    }

    private int record(String key, long now) {
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (e) {
            if (now - e.lastFailure > FORGET_AFTER_MILLIS) {
                e.failures = 0;
            }
            e.failures++;
            e.lastFailure = now;
            if (e.failures >= maxFailures) {
                int doublings = Math.min(30, e.failures - maxFailures);
                long delay = Math.min(maxDelayMillis, baseDelayMillis << doublings);
                e.blockedUntil = now + delay;
            }
            return e.failures;
        }
    }

    private static final class Entry {
        int failures;
        long lastFailure;
        long blockedUntil;
    }
}
