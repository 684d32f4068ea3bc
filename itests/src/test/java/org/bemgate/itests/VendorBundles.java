package org.bemgate.itests;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds the vendor plug-in of {@code org.bemgate.itests.vendor} into bundle jars, as a vendor would
 * ship it: compiled against core-api only, importing its packages with a semantic version range.
 * Runs in the test driver JVM, where the compiled classes are on the class path.
 */
public final class VendorBundles {

    /** The plug-in's symbolic name. */
    public static final String SYMBOLIC_NAME = "org.bemgate.itests.vendor";

    private static final String PACKAGE_PATH = "org/bemgate/itests/vendor/";

    private VendorBundles() {
    }

    /**
     * Writes the plug-in jar for a version.
     *
     * @param version the Bundle-Version, such as 1.0.0
     * @return the jar file under target/
     */
    public static File build(String version) {
        try {
            Path classes = Path.of(VendorBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(PACKAGE_PATH);
            Path jar = Path.of("target", "vendor", SYMBOLIC_NAME + "-" + version + ".jar").toAbsolutePath();
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            Attributes a = manifest.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
            a.putValue("Bundle-Version", version);
            a.putValue("Bundle-Activator", "org.bemgate.itests.vendor.VendorActivator");
            a.putValue("Import-Package", "org.bemgate.core.api;version=\"[1.0,2)\","
                    + "org.bemgate.core.api.connector;version=\"[1.0,2)\","
                    + "org.osgi.framework;version=\"[1.8,2)\",org.osgi.util.tracker;version=\"[1.5,2)\"");
            a.putValue("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version>=17))\"");
            try (OutputStream out = Files.newOutputStream(jar);
                    JarOutputStream jos = new JarOutputStream(out, manifest);
                    Stream<Path> files = Files.list(classes)) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    jos.putNextEntry(new JarEntry(PACKAGE_PATH + f.getFileName()));
                    jos.write(Files.readAllBytes(f));
                    jos.closeEntry();
                }
            }
            return jar.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
