package org.bemgate.webconsole.internal.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * A bundle jar uploaded through the console, with the identity its manifest declares.
 *
 * @param symbolicName Bundle-SymbolicName without directives
 * @param version Bundle-Version, {@code 0.0.0} if absent
 * @param jar the jar's bytes
 */
public record UploadedBundle(String symbolicName, String version, byte[] jar) {

    /**
     * Reads the manifest of an uploaded jar.
     *
     * @param jar the bytes
     * @return the bundle
     * @throws IllegalArgumentException if the bytes are not a jar or the manifest has no Bundle-SymbolicName
     */
    public static UploadedBundle parse(byte[] jar) {
        Manifest m;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            m = in.getManifest();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a jar file: " + e.getMessage());
        }
        if (m == null) {
            throw new IllegalArgumentException("not an OSGi bundle: the jar has no META-INF/MANIFEST.MF (or it is not the first entry)");
        }
        String bsn = m.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new IllegalArgumentException("not an OSGi bundle: META-INF/MANIFEST.MF has no Bundle-SymbolicName");
        }
        int semi = bsn.indexOf(';');
        String version = m.getMainAttributes().getValue("Bundle-Version");
        return new UploadedBundle((semi < 0 ? bsn : bsn.substring(0, semi)).trim(),
                version == null || version.isBlank() ? "0.0.0" : version.trim(), jar);
    }
}
