package org.bemgate.webconsole.internal.platform;

/**
 * One installed bundle as the console shows it.
 *
 * @param id the bundle id
 * @param symbolicName Bundle-SymbolicName
 * @param name Bundle-Name, or the symbolic name
 * @param version Bundle-Version
 * @param state INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING or UNINSTALLED
 * @param location where it was installed from
 * @param fragment true for a fragment, which is never ACTIVE
 */
public record BundleInfo(long id, String symbolicName, String name, String version, String state, String location,
        boolean fragment) {
}
