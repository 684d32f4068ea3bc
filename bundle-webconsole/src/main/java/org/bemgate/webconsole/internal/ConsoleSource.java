package org.bemgate.webconsole.internal;

/**
 * Hands the servlets the {@link Console} they share: {@link ConsoleComponent} in the container, a lambda
 * in tests. Each servlet has this one constructor, so SCR never has to choose between constructors.
 */
@FunctionalInterface
public interface ConsoleSource {

    /** @return the shared console state */
    Console console();
}
