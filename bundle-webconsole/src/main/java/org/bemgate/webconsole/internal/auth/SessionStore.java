package org.bemgate.webconsole.internal.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The console's own login sessions, kept in memory: independent of the web container's session
 * handling, so the cookie's attributes ({@code HttpOnly}, {@code SameSite=Strict}) and the idle timeout
 * are ours. A restart of the bundle logs everybody out.
 */
public final class SessionStore {

    private final long idleMillis;
    private final int maxSessions;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();

    /**
     * @param idleTimeout how long a session lives without requests
     * @param maxSessions how many sessions are held at once
     * @param clock epoch milliseconds
     */
    public SessionStore(Duration idleTimeout, int maxSessions, LongSupplier clock) {
        this.idleMillis = idleTimeout.toMillis();
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    /**
     * @param user the user who logged in
     * @return a new session
     */
    public ConsoleSession create(ConsoleUser user) {
        long now = clock.getAsLong();
        if (sessions.size() >= maxSessions) {
            sessions.values().removeIf(s -> now - s.lastAccess() > idleMillis);
            while (sessions.size() >= maxSessions) {
                sessions.values().stream().min(Comparator.comparingLong(ConsoleSession::lastAccess))
                        .ifPresent(s -> sessions.remove(s.id()));
            }
        }
        ConsoleSession s = new ConsoleSession(token(), user, token(), now);
        sessions.put(s.id(), s);
        return s;
    }

    /**
     * Finds a live session and marks it used.
     *
     * @param id the cookie value
     * @return the session, or empty if unknown or expired
     */
    public Optional<ConsoleSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession s = sessions.get(id);
        long now = clock.getAsLong();
        if (s == null) {
            return Optional.empty();
        }
        if (now - s.lastAccess() > idleMillis) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.touch(now);
        return Optional.of(s);
    }

    /** @param id the session to end */
    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** @return the number of sessions held, including expired ones not yet cleaned up */
    public int size() {
        return sessions.size();
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
