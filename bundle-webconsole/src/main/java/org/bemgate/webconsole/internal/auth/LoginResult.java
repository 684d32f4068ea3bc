package org.bemgate.webconsole.internal.auth;

/**
 * What became of a login attempt.
 *
 * @param outcome the kind of result
 * @param user the user on success, else null
 * @param retryAfterMillis for {@link Outcome#THROTTLED}: when to try again
 */
public record LoginResult(Outcome outcome, ConsoleUser user, long retryAfterMillis) {

    /** The kinds of result. */
    public enum Outcome {
        /** Name and password are right and the user has a console role. */
        OK,
        /** Name or password is wrong. */
        WRONG,
        /** Name and password are right, but the user has no console role. */
        NO_ROLE,
        /** Too many failures: not checked at all. */
        THROTTLED
    }
}
