package org.bemgate.webconsole.internal.platform;

import java.util.List;

/**
 * Karaf's features, as the console manages them; present only when Karaf's FeaturesService is.
 * Errors: {@link java.util.NoSuchElementException} for an unknown feature, {@link IllegalStateException}
 * with Karaf's reason when an installation fails.
 */
public interface FeatureAdmin {

    /** @return every feature of every repository, by name and version */
    List<FeatureInfo> list();

    /**
     * @param name a feature name
     * @param version a version, or null for the newest
     * @param upgrade whether to replace an installed older version (Karaf's {@code feature:install -u})
     */
    void install(String name, String version, boolean upgrade);

    /**
     * @param name a feature name
     * @param version a version, or null
     */
    void uninstall(String name, String version);

    /** @param uri a features repository, such as {@code mvn:org.bemgate/features/0.2.0/xml/features} */
    void addRepository(String uri);
}
