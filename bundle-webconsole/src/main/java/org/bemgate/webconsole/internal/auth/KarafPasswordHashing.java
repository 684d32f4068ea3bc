package org.bemgate.webconsole.internal.auth;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The password encryption settings of Karaf's JAAS properties login module (PID
 * {@code org.apache.karaf.jaas}, {@code etc/org.apache.karaf.jaas.cfg}) and the stored form they
 * accept. Karaf's {@code basic} encryption service digests the password's bytes without salt and
 * stores {@code prefix + hex-or-base64 digest + suffix}, by default {@code {CRYPT}…{CRYPT}} with
 * SHA-256 in hexadecimal.
 *
 * @param enabled {@code encryption.enabled}
 * @param name {@code encryption.name}; only {@code basic} (or empty) can be produced here
 * @param prefix {@code encryption.prefix}
 * @param suffix {@code encryption.suffix}
 * @param algorithm {@code encryption.algorithm}, a MessageDigest name
 * @param encoding {@code encryption.encoding}: {@code hexadecimal} or {@code base64}
 */
public record KarafPasswordHashing(boolean enabled, String name, String prefix, String suffix, String algorithm,
        String encoding) {

    /** The PID of Karaf's JAAS configuration. */
    public static final String JAAS_PID = "org.apache.karaf.jaas";

    /** Karaf's defaults, with encryption switched on. */
    public static final KarafPasswordHashing KARAF_DEFAULTS = new KarafPasswordHashing(true, "basic", "{CRYPT}", "{CRYPT}",
            "SHA-256", "hexadecimal");

    /**
     * @param props the properties of PID {@value #JAAS_PID}; missing keys take Karaf's defaults
     * @return the settings
     */
    public static KarafPasswordHashing from(Map<String, ?> props) {
        return new KarafPasswordHashing(Boolean.parseBoolean(get(props, "encryption.enabled", "false")),
                get(props, "encryption.name", "basic"), get(props, "encryption.prefix", "{CRYPT}"),
                get(props, "encryption.suffix", "{CRYPT}"), get(props, "encryption.algorithm", "SHA-256"),
                get(props, "encryption.encoding", "hexadecimal"));
    }

    /** @return the same settings with encryption switched on */
    public KarafPasswordHashing withEnabled() {
        return new KarafPasswordHashing(true, name, prefix, suffix, algorithm, encoding);
    }

    /**
     * @return why this module cannot write a hash Karaf accepts with these settings, or null if it can
     */
    public String unsupportedReason() {
        if (!enabled) {
            return "encryption.enabled is false in etc/org.apache.karaf.jaas.cfg, so Karaf compares passwords as plain text";
        }
        if (!name.isEmpty() && !"basic".equalsIgnoreCase(name)) {
            return "encryption.name is '" + name + "'; only Karaf's 'basic' digest can be written here";
        }
        try {
            MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return "encryption.algorithm '" + algorithm + "' is not a digest this JVM knows";
        }
        if (!"hexadecimal".equalsIgnoreCase(encoding) && !"base64".equalsIgnoreCase(encoding)) {
            return "encryption.encoding '" + encoding + "' is neither hexadecimal nor base64";
        }
        return null;
    }

    /**
     * Produces the stored form of a password, as Karaf's BasicEncryption checks it: the digest of the
     * password's bytes in the platform charset (the generated passwords are ASCII, so that does not
     * matter), hexadecimal in upper case or Base64, between prefix and suffix.
     *
     * @param password the password
     * @return the text for {@code users.properties}
     * @throws IllegalStateException if {@link #unsupportedReason()} is not null
     */
    public String hash(String password) {
        String why = unsupportedReason();
        if (why != null) {
            throw new IllegalStateException(why);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(password.getBytes(Charset.defaultCharset()));
            String encoded = "base64".equalsIgnoreCase(encoding) ? Base64.getEncoder().encodeToString(digest)
                    : HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
            return prefix + encoded + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(Map<String, ?> props, String key, String dflt) {
        Object v = props == null ? null : props.get(key);
        return v == null ? dflt : v.toString().trim();
    }
}
