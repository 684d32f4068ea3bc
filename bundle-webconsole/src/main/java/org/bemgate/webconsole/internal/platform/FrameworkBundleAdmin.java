package org.bemgate.webconsole.internal.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BundleAdmin} on the OSGi framework. Uploaded jars are kept in
 * {@code ${karaf.data}/bemgate/uploads/} and installed from there, so the location is a {@code file:}
 * URL that {@code bundle:update} can read again.
 */
@Component(service = BundleAdmin.class)
public final class FrameworkBundleAdmin implements BundleAdmin {

    private final Logger logger = LoggerFactory.getLogger(FrameworkBundleAdmin.class);
    private final BundleContext context;

    /** @param context this bundle's context */
    @Activate
    public FrameworkBundleAdmin(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<BundleInfo> list() {
        List<BundleInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            out.add(info(b));
        }
        return out;
    }

    @Override
    public BundleChange installOrUpdate(UploadedBundle upload, boolean start) {
        Bundle existing = null;
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0 && upload.symbolicName().equals(b.getSymbolicName())) {
                existing = b;
            }
        }
        try {
            String action;
            Bundle b;
            if (existing != null) {
                Path file = keep(upload);
                existing.update(new ByteArrayInputStream(upload.jar()));
                refresh(existing);
                b = existing;
                action = "updated";
                logger.info("Updated bundle {} ({}) to version {} from the web console{}", b.getBundleId(),
                        upload.symbolicName(), upload.version(), file == null ? "" : ", jar kept in " + file);
            } else {
                Path file = keep(upload);
                b = file != null ? context.installBundle(file.toUri().toString())
                        : context.installBundle("bemgate-upload:" + upload.symbolicName(), new ByteArrayInputStream(upload.jar()));
                action = "installed";
                logger.info("Installed bundle {} ({} {}) from the web console", b.getBundleId(), upload.symbolicName(),
                        upload.version());
            }
            String message = action + " " + upload.symbolicName() + " " + upload.version();
            if (start && !isFragment(b)) {
                try {
                    b.start();
                } catch (BundleException e) {
                    message += ", but it did not start: " + e.getMessage();
                    logger.warn("Bundle {} ({}) was {} but did not start: {}", b.getBundleId(), upload.symbolicName(),
                            action, e.getMessage());
                }
            }
            return new BundleChange(action, info(b), message);
        } catch (BundleException e) {
            throw new IllegalStateException("the framework refused " + upload.symbolicName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public BundleInfo uninstall(long id) {
        Bundle b = bundle(id);
        BundleInfo before = info(b);
        try {
            b.uninstall();
        } catch (BundleException e) {
            throw new IllegalStateException("cannot uninstall bundle " + id + ": " + e.getMessage(), e);
        }
        refresh(b);
        logger.info("Uninstalled bundle {} ({}) from the web console", id, before.symbolicName());
        return before;
    }

    @Override
    public BundleInfo start(long id) {
        Bundle b = bundle(id);
        try {
            b.start();
        } catch (BundleException e) {
            throw new IllegalStateException("cannot start bundle " + id + ": " + e.getMessage(), e);
        }
        return info(b);
    }

    @Override
    public BundleInfo stop(long id) {
        Bundle b = bundle(id);
        try {
            b.stop();
        } catch (BundleException e) {
            throw new IllegalStateException("cannot stop bundle " + id + ": " + e.getMessage(), e);
        }
        return info(b);
    }

    /**
     * @param b a bundle
     * @return how the console shows it
     */
    public static BundleInfo info(Bundle b) {
        String name = b.getHeaders().get(Constants.BUNDLE_NAME);
        return new BundleInfo(b.getBundleId(), b.getSymbolicName(), name == null ? b.getSymbolicName() : name,
                b.getVersion().toString(), state(b.getState()), b.getLocation(), isFragment(b));
    }

    /**
     * @param state a Bundle state constant
     * @return its name
     */
    public static String state(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "UNINSTALLED";
        }
    }

    private Bundle bundle(long id) {
        if (id == 0) {
            throw new IllegalStateException("the system bundle cannot be changed from the web console");
        }
        Bundle b = context.getBundle(id);
        if (b == null) {
            throw new NoSuchElementException("no bundle with id " + id);
        }
        return b;
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private void refresh(Bundle b) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        wiring.refreshBundles(List.of(b));
    }

    private Path keep(UploadedBundle upload) {
        String data = System.getProperty("karaf.data");
        if (data == null) {
            return null;
        }
        String safe = (upload.symbolicName() + "-" + upload.version()).replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = Paths.get(data, "bemgate", "uploads", safe + ".jar");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, upload.jar());
            return file;
        } catch (IOException e) {
            logger.warn("Could not keep the uploaded jar in {}: {}; installing it from memory", file, e.getMessage());
            return null;
        }
    }
}
