package org.bemgate.itests;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, and a client trusting only it. */
final class TestKeystore {

    private TestKeystore() {
    }

    /** @return the PKCS12 keystore, made once per build */
    static synchronized File create(File file, String password) {
        if (file.exists()) {
            return file.getAbsoluteFile();
        }
        file.getParentFile().mkdirs();
        String keytool = new File(System.getProperty("java.home"), "bin/keytool").getPath();
        try {
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", file.getPath(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test keystore " + file, e);
        }
        return file.getAbsoluteFile();
    }

    /** @return TLS that trusts exactly the keystore's certificate */
    static SSLContext trusting(File keystore, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
