package org.bemgate.webconsole.internal.platform;

/**
 * The result of installing or updating a bundle.
 *
 * @param action {@code installed} or {@code updated}
 * @param bundle the bundle afterwards
 * @param message what happened, for people (for example why it did not start)
 */
public record BundleChange(String action, BundleInfo bundle, String message) {
}
