package org.bemgate.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker for tests, on 127.0.0.1 and a free TCP port, with a generated configuration
 * in a temporary folder: anonymous by default, or with a password file made by {@code mosquitto_passwd},
 * or with TLS from PEM files the test provides. It can be stopped and started again on the same port
 * (a broker restart); {@link #close()} stops it and deletes the folder.
 *
 * <pre>
 * try (Mosquitto broker = Mosquitto.builder().start()) {
 *     connect to broker.host() : broker.port()
 * }
 * </pre>
 */
public final class Mosquitto implements AutoCloseable {

    /** Where Debian installs the broker. */
    public static final String BINARY = "/usr/sbin/mosquitto";
    /** Where Debian installs the password tool. */
    public static final String PASSWD = "/usr/bin/mosquitto_passwd";

    private final Path dir;
    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    /** What the broker is to be like; {@link #start()} starts it. */
    public static final class Builder {
        private final List<String> users = new ArrayList<>();
        private final List<String> extra = new ArrayList<>();
        private Path cert;
        private Path key;
        private int port;

        private Builder() {
        }

        /** Requires a login: the user is added to a password file; anonymous clients are refused. */
        public Builder user(String name, String password) {
            users.add(name);
            users.add(password);
            return this;
        }

        /** Serves TLS with this PEM certificate (chain) and its unencrypted PEM key. */
        public Builder tls(Path certificate, Path privateKey) {
            this.cert = certificate;
            this.key = privateKey;
            return this;
        }

        /** Adds a line to mosquitto.conf, such as {@code max_queued_messages 100000}. */
        public Builder config(String line) {
            extra.add(line);
            return this;
        }

        /** Uses this port rather than a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** @return the running broker, accepting connections */
        public Mosquitto start() throws IOException {
            Path dir = Files.createTempDirectory("mosquitto-test");
            int p = port > 0 ? port : freeTcpPort();
            List<String> conf = new ArrayList<>();
            conf.add("listener " + p + " 127.0.0.1");
            // As root, Mosquitto would switch to user 'mosquitto', who cannot read this folder; ignored for other users.
            conf.add("user " + System.getProperty("user.name"));
            conf.add("persistence false");
            conf.add("log_dest file " + dir.resolve("mosquitto.log"));
            conf.add("log_type error");
            conf.add("log_type warning");
            conf.add("log_type notice");
            conf.add("log_type information");
            if (users.isEmpty()) {
                conf.add("allow_anonymous true");
            } else {
                Path passwords = dir.resolve("passwords");
                Files.createFile(passwords);
                for (int i = 0; i < users.size(); i += 2) {
                    run(PASSWD, "-b", passwords.toString(), users.get(i), users.get(i + 1));
                }
                conf.add("allow_anonymous false");
                conf.add("password_file " + passwords);
            }
            if (cert != null) {
                conf.add("certfile " + cert.toAbsolutePath());
                conf.add("keyfile " + key.toAbsolutePath());
            }
            conf.addAll(extra);
            Path config = dir.resolve("mosquitto.conf");
            Files.write(config, conf, StandardCharsets.UTF_8);
            Mosquitto m = new Mosquitto(dir, p, config);
            m.startProcess();
            return m;
        }
    }

    private Mosquitto(Path dir, int port, Path config) {
        this.dir = dir;
        this.port = port;
        this.config = config;
        this.log = dir.resolve("mosquitto.log");
    }

    /** @return a builder of an anonymous broker on a free port */
    public static Builder builder() {
        return new Builder();
    }

    /** @return an anonymous broker on a free port, running */
    public static Mosquitto start() throws IOException {
        return builder().start();
    }

    /** @return true if the Mosquitto binary is installed, so tests can skip with a clear reason when it is not */
    public static boolean installed() {
        return new File(BINARY).canExecute();
    }

    /** @return {@code 127.0.0.1} */
    public String host() {
        return "127.0.0.1";
    }

    /** @return the broker's port; the same after {@link #restart()} */
    public int port() {
        return port;
    }

    /** @return {@code tcp://127.0.0.1:<port>} */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** @return true while the broker process runs */
    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 10 s); clients see their connection closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts the broker again on the same port, with the same configuration; retained messages are gone. */
    public synchronized void startAgain() throws IOException {
        if (process == null) {
            startProcess();
        }
    }

    /** Stops and starts the broker. */
    public void restart() throws IOException {
        stop();
        startAgain();
    }

    /** @return the broker's log so far, for failure messages */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private void startProcess() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            // The port of a broker just stopped may still be held for a moment: try again until it is free.
            Process p = new ProcessBuilder(BINARY, "-c", config.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (accepts()) {
                    process = p;
                    return;
                }
                sleep(20);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            last = new IOException("mosquitto did not start on port " + port + ": " + read(dir.resolve("stdout.txt")) + log());
            sleep(200);
        }
        throw last != null ? last : new IOException("mosquitto did not start on port " + port);
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return a TCP port free on 127.0.0.1 now */
    public static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command[0], command[1]) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
