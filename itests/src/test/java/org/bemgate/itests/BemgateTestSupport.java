package org.bemgate.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.junit.After;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Boots the real bemgate distribution (the tar.gz the build just made) once per test class, on free
 * ports, with Karaf reading artifacts from the build's local Maven repository.
 */
public abstract class BemgateTestSupport {

    @Inject
    protected BundleContext bundleContext;

    /** Present once Karaf has installed the boot features, so tests never race the boot's refreshes. */
    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected SessionFactory sessionFactory;

    /**
     * The options every test class shares; subclasses add theirs with {@link #withExtra(Option[], Option...)}.
     *
     * @return the Pax Exam options
     */
    protected Option[] baseOptions() {
        String distribution = System.getProperty("it.distribution");
        String localRepo = System.getProperty("it.localRepository");
        String demoPort = freePort();
        String httpPort = freePort();
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .name("bemgate")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
            systemProperty("bemgate.it.httpPort").value(httpPort),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
            // The demo device and its connector, on a free port instead of the demo's 5020.
            editConfigurationFilePut("etc/org.bemgate.simulator.modbus-demo.cfg", "port", demoPort),
            editConfigurationFilePut("etc/org.bemgate.modbus-demo-room.cfg", "port", demoPort),
            systemProperty("bemgate.it.demoPort").value(demoPort),
            // As bin/karaf does on Java 9+: the specs activator needs its locator in java.base, or
            // resolving a bundle with META-INF/services (Jetty's WebSocket bundles) logs ERRORs.
            // Relative to the container's working directory, its home.
            vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            vmOption("--patch-module"),
            vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + System.getProperty("karaf.version") + ".jar"),
            systemProperty("bemgate.it.vendor.v1").value(VendorBundles.build("1.0.0").getAbsolutePath()),
            systemProperty("bemgate.it.vendor.v2").value(VendorBundles.build("1.1.0").getAbsolutePath()),
        };
    }

    /** Parts of ERROR lines a test provokes on purpose, such as a device's configuration error. */
    private final List<String> expectedErrors = new ArrayList<>();

    /** @param fragment text of an ERROR line the test provokes on purpose; such lines are not failures */
    protected void expectLogError(String fragment) {
        expectedErrors.add(fragment);
    }

    /**
     * Every test leaves a log without errors: SCR reports reference cycles, failed activations and
     * unusable constructors only there, while the test itself may still pass.
     */
    @After
    public void logHasNoErrors() throws IOException {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        List<String> errors = java.nio.file.Files.readAllLines(log).stream().filter(l -> l.contains("| ERROR |"))
                .filter(l -> expectedErrors.stream().noneMatch(l::contains)).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("errors in " + log + ":\n" + String.join("\n", errors));
        }
    }

    /** @return the options followed by the extra ones */
    protected static Option[] withExtra(Option[] options, Option... extra) {
        List<Option> all = new ArrayList<>(Arrays.asList(options));
        all.addAll(Arrays.asList(extra));
        return all.toArray(new Option[0]);
    }

    /** @return a free TCP port on loopback, as text for a .cfg file */
    protected static String freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return Integer.toString(s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a shell command as the console would and returns what it printed.
     *
     * @param command the command line
     * @return its output, stdout and stderr together
     */
    protected String execute(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } catch (Exception e) {
            out.println("EXCEPTION: " + e);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Gets a service, waiting for it to appear.
     *
     * @param type the service interface
     * @return the service
     */
    protected <T> T service(Class<T> type) {
        waitFor(() -> bundleContext.getServiceReference(type) != null, 30_000, type.getName() + " service");
        ServiceReference<T> ref = bundleContext.getServiceReference(type);
        return bundleContext.getService(ref);
    }

    /**
     * Polls a condition until it holds.
     *
     * @param condition what to wait for
     * @param timeoutMillis how long at most
     * @param what a description for the failure message
     */
    protected static void waitFor(BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /**
     * Polls a value until the check passes, then returns it.
     *
     * @param supplier computes the value; exceptions count as "not yet"
     * @param check what the value must satisfy
     * @param timeoutMillis how long at most
     * @param what a description for the failure message
     * @return the first value that passed
     */
    protected static <T> T await(Callable<T> supplier, java.util.function.Predicate<T> check, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        T last = null;
        Exception lastError = null;
        while (System.currentTimeMillis() <= deadline) {
            try {
                last = supplier.call();
                if (check.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what + "; last value: " + last
                + (lastError == null ? "" : "; last error: " + lastError));
    }

    /**
     * Whether each bundle but one runs, and when it was last installed or updated: a refresh or an
     * update changes these. STARTING counts as running (lazily activated bundles stay there).
     */
    protected Map<Long, String> bundleStates(long except) {
        Map<Long, String> states = new HashMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getBundleId() != except && !b.getSymbolicName().startsWith("PAXEXAM")) {
                boolean running = b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
                states.put(b.getBundleId(), b.getSymbolicName() + (running ? " running" : " state " + b.getState())
                        + " modified " + b.getLastModified());
            }
        }
        return states;
    }
}
