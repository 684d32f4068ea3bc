package org.bemgate.webconsole.internal.auth;

/**
 * One login through the login page: the user, the token of the session cookie and the token that
 * state-changing requests must repeat in the {@code X-CSRF-Token} header.
 */
public final class ConsoleSession {

    private final String id;
    private final ConsoleUser user;
    private final String csrfToken;
    private final long created;
    private volatile long lastAccess;

    ConsoleSession(String id, ConsoleUser user, String csrfToken, long created) {
        this.id = id;
        this.user = user;
        this.csrfToken = csrfToken;
        this.created = created;
        this.lastAccess = created;
    }

    /** @return the cookie value; a secret */
    public String id() {
        return id;
    }

    /** @return the logged-in user */
    public ConsoleUser user() {
        return user;
    }

    /** @return the CSRF token; a secret */
    public String csrfToken() {
        return csrfToken;
    }

    /** @return epoch ms of the login */
    public long created() {
        return created;
    }

    long lastAccess() {
        return lastAccess;
    }

    void touch(long now) {
        lastAccess = now;
    }
}
