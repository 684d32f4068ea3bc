package org.bemgate.webconsole.internal.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bemgate.webconsole.internal.WebConsoleConfig;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On start, creates the {@code admin} user with a random, hashed password when
 * {@code ${karaf.etc}/users.properties} has no admin (see {@link AdminPasswordGenerator}).
 */
@Component(immediate = true, configurationPid = WebConsoleConfig.PID)
public final class AdminPasswordComponent {

    private final Logger logger = LoggerFactory.getLogger(AdminPasswordComponent.class);
    private ScheduledExecutorService watcher;

    /**
     * @param config the console configuration
     * @param configAdmin Karaf's Config Admin, to read (and switch on) password hashing; optional
     */
    @Activate
    public AdminPasswordComponent(WebConsoleConfig config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configAdmin) {
        if (!config.generateAdminPassword()) {
            return;
        }
        String etc = System.getProperty("karaf.etc");
        String data = System.getProperty("karaf.data");
        if (etc == null || data == null) {
            logger.warn("karaf.etc or karaf.data is not set: no admin user generated for the web console");
            return;
        }
        try {
            KarafPasswordHashing hashing = hashing(configAdmin, config.enableKarafPasswordHashing());
            String why = hashing.unsupportedReason();
            Path users = Paths.get(etc, "users.properties");
            if (why != null) {
                if (!AdminPasswordGenerator.hasAdmin(load(users), Set.of(config.adminRoles()))) {
                    logger.warn("No admin user in {} and none generated because {}. Add a user with role 'admin' "
                            + "to log in to the web console.", users, why);
                }
                return;
            }
            AdminPasswordGenerator generator = new AdminPasswordGenerator(new SecureRandom(), System.out, System.console() != null);
            generator.generateIfNoAdmin(users, Paths.get(data, "bemgate", "admin-password.txt"), hashing,
                    Set.of(config.adminRoles())).ifPresent(password -> watch(generator, users,
                            AdminPasswordGenerator.entry(hashing, password)));
        } catch (IOException | RuntimeException e) {
            logger.error("Could not create the admin user of the web console: {}", e.toString());
        }
    }

    /** Checks a few times over the first seconds that Karaf's encryption did not write the admin away. */
    private void watch(AdminPasswordGenerator generator, Path users, String entry) {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bemgate-admin-user-check");
            t.setDaemon(true);
            return t;
        });
        for (long seconds : new long[] { 1, 3, 10, 30 }) {
            watcher.schedule(() -> {
                try {
                    generator.restoreIfLost(users, entry);
                } catch (IOException e) {
                    logger.error("Could not check the generated admin user in {}: {}", users, e.toString());
                }
            }, seconds, TimeUnit.SECONDS);
        }
    }

    /** Stops the checks. */
    @Deactivate
    public void deactivate() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    private KarafPasswordHashing hashing(ConfigurationAdmin cm, boolean enable) throws IOException {
        if (cm == null) {
            return KarafPasswordHashing.from(Map.of());
        }
        Configuration[] found;
        try {
            found = cm.listConfigurations("(service.pid=" + KarafPasswordHashing.JAAS_PID + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found == null || found.length == 0) {
            return KarafPasswordHashing.from(Map.of());
        }
        Configuration c = found[0];
        Map<String, Object> props = toMap(c.getProperties());
        KarafPasswordHashing h = KarafPasswordHashing.from(props);
        if (!h.enabled() && enable) {
            props.put("encryption.enabled", "true");
            c.update(new java.util.Hashtable<>(props));
            logger.info("Switched on password hashing in {} (encryption.enabled = true) so that the generated admin "
                    + "password is stored hashed; Karaf now also hashes other plain-text passwords on first use",
                    KarafPasswordHashing.JAAS_PID);
            return h.withEnabled();
        }
        return h;
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        if (d != null) {
            for (Enumeration<String> e = d.keys(); e.hasMoreElements();) {
                String k = e.nextElement();
                m.put(k, d.get(k));
            }
        }
        return m;
    }

    private static java.util.Properties load(Path file) throws IOException {
        java.util.Properties p = new java.util.Properties();
        if (java.nio.file.Files.exists(file)) {
            try (var r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                p.load(r);
            }
        }
        return p;
    }
}
