package org.bemgate.itests;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The distribution unpacked into its own folder and run with its own scripts ({@code bin/start},
 * {@code bin/stop}, {@code bin/client}), as an operator runs it: for tests that restart the
 * container, which Pax Exam cannot do.
 */
final class KarafProcess implements AutoCloseable {

    private final Path home;
    private final String sshPort;
    private final String user = "it-admin";
    private final String password = UUID.randomUUID().toString();

    /**
     * Unpacks the distribution under {@code target/<name>} and gives it free ports and a test user.
     *
     * @param name the folder name
     */
    KarafProcess(String name) throws IOException, InterruptedException {
        Path dir = Path.of("target", name).toAbsolutePath();
        run(List.of("rm", "-rf", dir.toString()), 60);
        Files.createDirectories(dir);
        run(List.of("tar", "xzf", System.getProperty("it.distribution"), "-C", dir.toString(), "--strip-components=1"), 120);
        this.home = dir;
        this.sshPort = BemgateTestSupport.freePort();
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort);
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", BemgateTestSupport.freePort());
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", BemgateTestSupport.freePort());
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", BemgateTestSupport.freePort());
        setProperty("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("it.localRepository"));
        String demoPort = BemgateTestSupport.freePort();
        setProperty("etc/org.bemgate.simulator.modbus-demo.cfg", "port", demoPort);
        setProperty("etc/org.bemgate.modbus-demo-room.cfg", "port", demoPort);
        Files.writeString(home.resolve("etc/users.properties"),
                "\n" + user + " = " + password + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                StandardOpenOption.APPEND);
    }

    /** @return the installation folder */
    Path home() {
        return home;
    }

    /** Starts the container in the background with {@code bin/start}. */
    void start() throws IOException, InterruptedException {
        run(List.of(home.resolve("bin/start").toString()), 60);
    }

    /**
     * Stops the container with {@code bin/stop} and waits until its JVM is gone: {@code bin/status}
     * says "Not Running" while the JVM still shuts down, and a new start in that window fails.
     */
    void stop() throws IOException, InterruptedException {
        run(List.of(home.resolve("bin/stop").toString()), 60);
        long deadline = System.currentTimeMillis() + 60_000;
        while (isRunning() || jvmAlive()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the container did not stop within 60 s");
            }
            Thread.sleep(200);
        }
    }

    /** @return true while a JVM of this installation runs */
    boolean jvmAlive() {
        String marker = "karaf.home=" + home;
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }

    /** @return true while {@code bin/status} finds the container running */
    boolean isRunning() throws IOException, InterruptedException {
        return run(List.of(home.resolve("bin/status").toString()), 30).exitCode == 0;
    }

    /**
     * Runs a shell command over SSH with {@code bin/client}.
     *
     * @param command the command line
     * @return what the command printed
     */
    String client(String command) throws IOException, InterruptedException {
        Result r = run(List.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a", sshPort,
                "-u", user, "-p", password, "-r", "3", "-d", "1", command), 120);
        return r.output;
    }

    @Override
    public void close() throws Exception {
        if (isRunning() || jvmAlive()) {
            stop();
        }
    }

    private void setProperty(String file, String key, String value) throws IOException {
        Path p = home.resolve(file);
        List<String> lines = Files.exists(p) ? new ArrayList<>(Files.readAllLines(p)) : new ArrayList<>();
        lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(p, lines);
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        File log = File.createTempFile("karaf-process", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            Process p = pb.start();
            // bin/client prints nothing when its stdin is closed at once; give it a line, as `echo |` does.
            try (OutputStream in = p.getOutputStream()) {
                in.write('\n');
            } catch (IOException ignored) {
                // the process may not read stdin at all
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }
}
