package org.bemgate.ieee20305.internal.codec;

/**
 * A 2030.5 Link or ListLink: an {@code href} and, for lists, how many entries the list holds.
 *
 * @param href the URI the server chose
 * @param all the list's size, or null for a plain Link
 */
public record Link(String href, Integer all) {

    /** @return a plain Link */
    public static Link to(String href) {
        return new Link(href, null);
    }
}
