package org.bemgate.webconsole.internal.auth;

/**
 * A logged-in user of the console.
 *
 * @param name the user name
 * @param role the highest console role the user holds
 */
public record ConsoleUser(String name, Role role) {

    /**
     * @param required the role an action needs
     * @return true if the user may do it
     */
    public boolean has(Role required) {
        return role.includes(required);
    }
}
