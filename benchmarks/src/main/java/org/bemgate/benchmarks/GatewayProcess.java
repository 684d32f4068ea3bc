package org.bemgate.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution unpacked into its own folder and started with {@code bin/karaf server}, as an
 * operator starts it, on free loopback ports: the measured gateway of the distribution benchmark.
 */
final class GatewayProcess implements AutoCloseable {

    private final Path home;
    private final int httpPort;
    private Process process;

    private GatewayProcess(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /**
     * Unpacks a fresh copy (an empty data folder, so the first start is a cold one) and gives it free ports.
     *
     * @param tarGz the distribution archive
     * @param home the folder, emptied first
     * @param demoPollSeconds the demo room's poll interval
     */
    static GatewayProcess unpack(Path tarGz, Path home, double demoPollSeconds) throws IOException, InterruptedException {
        run(List.of("rm", "-rf", home.toString()));
        Files.createDirectories(home);
        run(List.of("tar", "xzf", tarGz.toString(), "-C", home.toString(), "--strip-components=1"));
        int http = freePort();
        GatewayProcess g = new GatewayProcess(home, http);
        g.set("etc/org.apache.karaf.shell.cfg", "sshPort", freePort());
        g.set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
        g.set("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
        g.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http);
        g.set("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        int demo = freePort();
        g.set("etc/org.bemgate.simulator.modbus-demo.cfg", "port", demo);
        g.set("etc/org.bemgate.modbus-demo-room.cfg", "port", demo);
        g.set("etc/org.bemgate.modbus-demo-room.cfg", "pollSeconds", demoPollSeconds);
        return g;
    }

    /** Starts the container in the background; its console output goes to {@code karaf.out}. */
    void start() throws IOException {
        process = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("karaf.out").toFile()).start();
    }

    Path home() {
        return home;
    }

    int httpPort() {
        return httpPort;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** @return the generated admin password once the console has written it */
    Optional<String> adminPassword() throws IOException {
        Path f = home.resolve("data/bemgate/admin-password.txt");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        return Files.readAllLines(f).stream().filter(l -> l.startsWith("password: ")).map(l -> l.substring(10).trim())
                .findFirst();
    }

    /** @return the resident set size of the container's JVM in MiB, as the kernel counts it */
    double residentMiB() throws IOException {
        long pid = jvm().pid();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** @return the number of ERROR lines in karaf.log */
    long logErrors() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("| ERROR |")).count() : 0;
    }

    /** The JVM itself: bin/karaf may run java as a child rather than exec it. */
    private ProcessHandle jvm() {
        String marker = "karaf.home=" + home;
        ProcessHandle p = process.toHandle();
        if (p.info().commandLine().map(c -> c.contains(marker)).orElse(false)) {
            return p;
        }
        return p.descendants().filter(d -> d.info().commandLine().map(c -> c.contains(marker)).orElse(false)).findFirst()
                .orElse(p);
    }

    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    private void set(String file, String key, Object value) throws IOException {
        Path p = home.resolve(file);
        List<String> lines = Files.exists(p) ? new ArrayList<>(Files.readAllLines(p)) : new ArrayList<>();
        lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(p, lines);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + command);
        }
    }
}
