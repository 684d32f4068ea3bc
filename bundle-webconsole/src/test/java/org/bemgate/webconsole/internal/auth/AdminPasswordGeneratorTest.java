package org.bemgate.webconsole.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.jaas.modules.encryption.BasicEncryption;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AdminPasswordGeneratorTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final AdminPasswordGenerator generator = new AdminPasswordGenerator(new SecureRandom(),
            new PrintStream(console, true, StandardCharsets.UTF_8), false);

    @Test
    public void aFreshGatewayGetsAnAdminWhosePasswordIsOnlyInAPrivateFile() throws Exception {
        Path users = tmp.newFile("users.properties").toPath();
        Files.writeString(users, "# no users yet\n");
        Path passwordFile = tmp.getRoot().toPath().resolve("data/bemgate/admin-password.txt");

        String password = generator.generateIfNoAdmin(users, passwordFile, KarafPasswordHashing.KARAF_DEFAULTS, Set.of("admin"))
                .orElseThrow();

        assertTrue(password.length() >= 20);
        String line = Files.readAllLines(users).stream().filter(l -> l.startsWith("admin = ")).findFirst().orElseThrow();
        String hash = line.substring("admin = ".length(), line.indexOf(",admin"));
        assertFalse("never stored in plain text", line.contains(password));
        assertTrue("Karaf's own check accepts it", new BasicEncryption(Map.of("algorithm", "SHA-256", "encoding", "hexadecimal"))
                .checkPassword(password, hash.substring("{CRYPT}".length(), hash.length() - "{CRYPT}".length())));
        assertTrue(Files.readString(passwordFile).contains("password: " + password));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed, printed.contains(passwordFile.toString()));
        assertFalse("a console that is no terminal (stdout in a file) shows where the password is, never the password",
                printed.contains(password));

        assertEquals("a second start leaves the admin alone", Optional.empty(),
                generator.generateIfNoAdmin(users, passwordFile, KarafPasswordHashing.KARAF_DEFAULTS, Set.of("admin")));
    }

    @Test
    public void anExistingAdminMeansNoGeneratedOne() throws Exception {
        Path users = tmp.newFile("users.properties").toPath();
        Files.writeString(users, "alice = {CRYPT}ABC{CRYPT},_g_:admingroup\n_g_\\:admingroup = group,admin,manager\n");
        assertEquals(Optional.empty(), generator.generateIfNoAdmin(users, tmp.getRoot().toPath().resolve("p.txt"),
                KarafPasswordHashing.KARAF_DEFAULTS, Set.of("admin")));
        assertFalse(Files.exists(tmp.getRoot().toPath().resolve("p.txt")));
    }

    @Test
    public void anAdminLostToAConcurrentRewriteIsWrittenAgainOnce() throws Exception {
        Path users = tmp.newFile("users.properties").toPath();
        String entry = AdminPasswordGenerator.entry(KarafPasswordHashing.KARAF_DEFAULTS, "a-password-for-this-test");
        Files.writeString(users, "otto = {CRYPT}0123{CRYPT},operator\n");

        assertTrue(generator.restoreIfLost(users, entry));
        assertFalse(generator.restoreIfLost(users, entry));
        assertEquals(1, Files.readAllLines(users).stream().filter(l -> l.startsWith("admin = ")).count());
        assertTrue(Files.readString(users).contains("otto = "));
    }

    @Test
    public void aTerminalIsShownThePasswordOnce() throws Exception {
        Path users = tmp.newFile("users.properties").toPath();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        String password = new AdminPasswordGenerator(new SecureRandom(), new PrintStream(terminal, true, StandardCharsets.UTF_8),
                true).generateIfNoAdmin(users, tmp.getRoot().toPath().resolve("p.txt"), KarafPasswordHashing.KARAF_DEFAULTS,
                        Set.of("admin")).orElseThrow();
        assertTrue(terminal.toString(StandardCharsets.UTF_8).contains("with password  " + password + "  (shown once"));
    }
}
