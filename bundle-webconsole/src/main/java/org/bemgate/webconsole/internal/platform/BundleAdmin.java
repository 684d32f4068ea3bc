package org.bemgate.webconsole.internal.platform;

import java.util.List;

/**
 * The bundles of the framework, as the console manages them. Errors: {@link java.util.NoSuchElementException}
 * for an unknown bundle, {@link IllegalStateException} with a reason when the framework refuses.
 */
public interface BundleAdmin {

    /** @return every installed bundle, by id */
    List<BundleInfo> list();

    /**
     * Installs an uploaded bundle, or updates the installed bundle of the same symbolic name, and
     * refreshes the bundles wired to the old one.
     *
     * @param bundle the upload
     * @param start whether to start it
     * @return what was done
     */
    BundleChange installOrUpdate(UploadedBundle bundle, boolean start);

    /**
     * @param id a bundle id
     * @return the bundle as it was before it went away
     */
    BundleInfo uninstall(long id);

    /**
     * @param id a bundle id
     * @return the bundle afterwards
     */
    BundleInfo start(long id);

    /**
     * @param id a bundle id
     * @return the bundle afterwards
     */
    BundleInfo stop(long id);
}
