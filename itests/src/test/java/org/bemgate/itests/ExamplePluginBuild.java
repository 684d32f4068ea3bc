package org.bemgate.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds {@code examples/vendor-plugin} as a vendor would, with its own Maven run outside this
 * reactor against the installed core-api, once per version the test needs. Runs in the test driver.
 */
final class ExamplePluginBuild {

    private ExamplePluginBuild() {
    }

    /**
     * @param version the plug-in's version (its {@code revision} property)
     * @return the bundle jar, copied under target/example-plugin so the next build cannot touch it
     */
    static File build(String version) {
        Path project = Path.of("..", "examples", "vendor-plugin").toAbsolutePath().normalize();
        Path out = Path.of("target", "example-plugin").toAbsolutePath();
        try {
            Files.createDirectories(out);
            Path log = out.resolve("build-" + version + ".log");
            List<String> command = List.of("mvn", "-B", "-q", "package", "-DskipTests", "-Drevision=" + version,
                    "-Dmaven.repo.local=" + System.getProperty("it.localRepository"));
            Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("building the example plug-in " + version + " failed; see " + log);
            }
            Path jar = out.resolve("example-httpmeter-" + version + ".jar");
            Files.copy(project.resolve("target").resolve("example-httpmeter-" + version + ".jar"), jar,
                    StandardCopyOption.REPLACE_EXISTING);
            return jar.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
