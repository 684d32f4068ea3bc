package org.bemgate.core.internal.db;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.sql.SQLException;

import org.junit.Test;

public class DatabaseTest {

    @Test
    public void aFileLockedByAnotherProcessNamesTheFileAndWhatToDo() throws Exception {
        String base = H2Files.newBase();
        // H2 locks the file per process; a second JVM is what a second gateway on the same data folder is.
        Process other = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), base).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertEquals("locked", new String(other.getInputStream().readNBytes(6)));
            SQLException e = assertThrows(SQLException.class, () -> H2Files.open(base));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Cannot open the bemgate database " + base + ".mv.db: it is locked by another process"));
            assertTrue(e.getMessage(), e.getMessage().contains("jdbcUrl in etc/org.bemgate.core.cfg"));
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    public void aCorruptFileNamesTheFileAndDoesNotStartEmpty() throws Exception {
        String base = H2Files.newBase();
        new File(base).getParentFile().mkdirs();
        byte[] garbage = new byte[64 * 1024];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        Files.write(new File(base + ".mv.db").toPath(), garbage);
        SQLException e = assertThrows(SQLException.class, () -> H2Files.open(base));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Cannot open the bemgate database " + base + ".mv.db: it is damaged or not a database"));
    }

    @Test
    public void describesH2FilesByPathAndOtherUrlsWithoutParameters() {
        assertEquals("/var/bemgate/db.mv.db", Database.describe("jdbc:h2:file:/var/bemgate/db;MODE=PostgreSQL"));
        assertEquals("jdbc:postgresql://db:5432/bemgate", Database.describe("jdbc:postgresql://db:5432/bemgate?password=secret"));
    }

    /** Holds an H2 file open in another JVM until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            H2Files.open(args[0]).connect();
            System.out.print("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
