package org.bemgate.webconsole.internal.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a new gateway has no usable default password: when {@code users.properties} has no user
 * holding an admin role, it creates user {@code admin} with a random password, stores only its hash,
 * prints the password once and leaves it in a file only the gateway's owner can read.
 */
public final class AdminPasswordGenerator {

    /** The roles of the generated user: the console's admin plus Karaf's own shell and console roles. */
    static final String ROLES = "admin,manager,viewer,systembundles,ssh";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 20;

    private final Logger logger = LoggerFactory.getLogger(AdminPasswordGenerator.class);
    private final SecureRandom random;
    private final PrintStream console;
    private final boolean terminal;

    /**
     * @param random the source of passwords
     * @param console the Karaf console (System.out)
     * @param terminal whether that is a terminal a person watches: only then is the password shown
     *        there; a background Karaf sends System.out to a file, which must not hold it
     */
    public AdminPasswordGenerator(SecureRandom random, PrintStream console, boolean terminal) {
        this.random = random;
        this.console = console;
        this.terminal = terminal;
    }

    /**
     * Creates the admin user if nobody holds one of the admin roles.
     *
     * @param usersFile {@code etc/users.properties}
     * @param passwordFile where the generated password is left, such as {@code data/bemgate/admin-password.txt}
     * @param hashing Karaf's password encryption settings; must be supported
     * @param adminRoles the JAAS roles that make an admin
     * @return the generated password, or empty if an admin exists already
     * @throws IOException if a file cannot be read or written
     */
    public Optional<String> generateIfNoAdmin(Path usersFile, Path passwordFile, KarafPasswordHashing hashing,
            Set<String> adminRoles) throws IOException {
        Properties users = new Properties();
        if (Files.exists(usersFile)) {
            try (Reader r = Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
                users.load(r);
            }
        }
        if (users.containsKey("admin") || hasAdmin(users, adminRoles)) {
            return Optional.empty();
        }
        String password = newPassword();
        String entry = entry(hashing, password);
        writePasswordFile(passwordFile, password);
        appendUser(usersFile, entry);
        logger.info("Created web console and shell user 'admin' in {}; its password is in {} (readable by the owner only)",
                usersFile, passwordFile);
        console.println();
        if (terminal) {
            console.println("bemgate: created user 'admin' with password  " + password + "  (shown once; also in "
                    + passwordFile + ", readable by you only: note it, then delete that file)");
        } else {
            console.println("bemgate: created user 'admin'; its password is in " + passwordFile
                    + " (readable by you only) - note it, then delete that file.");
        }
        console.println();
        console.flush();
        return Optional.of(password);
    }

    /** @return the users.properties line of the admin with that password */
    static String entry(KarafPasswordHashing hashing, String password) {
        return "admin = " + hashing.hash(password) + "," + ROLES;
    }

    /**
     * Puts the generated admin back if users.properties lost it: Karaf's password encryption rewrites the
     * whole file when it hashes a plain-text password, and at first start it may do so from a copy read
     * just before the admin was appended.
     *
     * @param usersFile etc/users.properties
     * @param entry the admin's line
     * @return whether the line had to be written again
     * @throws IOException if the file cannot be read or written
     */
    public boolean restoreIfLost(Path usersFile, String entry) throws IOException {
        Properties users = new Properties();
        try (Reader r = Files.newBufferedReader(usersFile, StandardCharsets.ISO_8859_1)) {
            users.load(r);
        }
        if (users.containsKey("admin")) {
            return false;
        }
        appendUser(usersFile, entry);
        logger.warn("The generated admin user had vanished from {} (rewritten at the same moment by Karaf's password "
                + "encryption); wrote it again", usersFile);
        return true;
    }

    /**
     * @param users the parsed users file
     * @param adminRoles the roles that make an admin
     * @return true if a user holds one of them, directly or through a group
     */
    static boolean hasAdmin(Properties users, Set<String> adminRoles) {
        for (String key : users.stringPropertyNames()) {
            if (key.startsWith("_g_:")) {
                continue;
            }
            Set<String> roles = new HashSet<>();
            String[] parts = users.getProperty(key).split(",");
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("_g_:")) {
                    String group = users.getProperty(p);
                    if (group != null) {
                        String[] g = group.split(",");
                        for (int j = 1; j < g.length; j++) {
                            roles.add(g[j].trim());
                        }
                    }
                } else {
                    roles.add(p);
                }
            }
            for (String r : roles) {
                if (adminRoles.contains(r)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String newPassword() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static void writePasswordFile(Path file, String password) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null;
        try {
            if (posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
                tmp.toFile().setReadable(false, false);
                tmp.toFile().setReadable(true, true);
                tmp.toFile().setWritable(false, false);
                tmp.toFile().setWritable(true, true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": it appeared while writing", e);
        }
        Files.writeString(tmp, "user: admin\npassword: " + password + "\n"
                + "Log in to the web console (/bemgate/) or the shell with it, change it, then delete this file.\n",
                StandardCharsets.UTF_8);
        move(tmp, file);
    }

    private static void appendUser(Path usersFile, String entry) throws IOException {
        String old = Files.exists(usersFile) ? Files.readString(usersFile, StandardCharsets.ISO_8859_1) : "";
        StringBuilder b = new StringBuilder(old);
        if (!old.isEmpty() && !old.endsWith("\n")) {
            b.append('\n');
        }
        b.append("# Added by bemgate on first start; the password was printed once on the console.\n");
        b.append(entry).append('\n');
        Files.createDirectories(usersFile.toAbsolutePath().getParent());
        Path tmp = usersFile.resolveSibling(usersFile.getFileName() + ".bemgate.tmp");
        Files.writeString(tmp, b, StandardCharsets.ISO_8859_1);
        if (Files.exists(usersFile) && Files.getFileAttributeView(usersFile, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(usersFile));
        }
        move(tmp, usersFile);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
