package org.bemgate.webconsole.internal.auth;

import java.util.Optional;
import java.util.Set;

/** Checks a user name and password; Karaf JAAS in the container, an in-memory table in tests. */
public interface Authenticator {

    /**
     * @param user the user name
     * @param password the password; the caller clears it afterwards
     * @return the user's role names, or empty if the name or password is wrong
     */
    Optional<Set<String>> authenticate(String user, char[] password);
}
