package org.bemgate.webconsole.internal.platform;

/**
 * One Karaf feature.
 *
 * @param name the name
 * @param version the version
 * @param description the description, may be empty
 * @param installed whether it is installed
 * @param repository the name of the repository that holds it
 */
public record FeatureInfo(String name, String version, String description, boolean installed, String repository) {
}
