package org.bemgate.simulators.lemdcbm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and signs OCMF records in the documented shape {@code OCMF|<payload>|<signature>}: the
 * payload is signed exactly as sent (ECDSA-secp256r1-SHA256, DER, hex), with a key made per
 * simulated meter, whose public key {@code /v1/status} reports as {@code publicKeyOcmf}.
 */
final class OcmfRecords {

    private final KeyPair keys;

    OcmfRecords() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no secp256r1 ECDSA", e);
        }
    }

    /** @return the public key, X.509 DER in hex, as the meter reports it */
    String publicKeyHex() {
        return HexFormat.of().withUpperCase().formatHex(keys.getPublic().getEncoded());
    }

    /** @return hex DER signature of the text's UTF-8 bytes */
    String sign(String text) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(keys.getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an OCMF record", e);
        }
    }

    /**
     * @param meterId the meter's serial
     * @param firmware its firmware version
     * @param pagination the transaction counter
     * @param identification the client id of the transaction
     * @param readings the readings, each with TM, TX and RV
     * @return the signed record
     */
    String record(String meterId, String firmware, long pagination, String identification, List<Map<String, Object>> readings) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("FV", "1.0");
        p.put("GI", "LEM DCBM 400-600 simulator");
        p.put("GS", meterId);
        p.put("GV", firmware);
        p.put("PG", "T" + pagination);
        p.put("MV", "LEM");
        p.put("MM", "DCBM 400-600");
        p.put("MS", meterId);
        p.put("MF", firmware);
        p.put("IS", true);
        p.put("IL", "NONE");
        p.put("IF", List.of());
        p.put("IT", "NONE");
        p.put("ID", identification);
        p.put("RD", readings);
        String payload = MeterJson.write(p);
        Map<String, Object> sig = new LinkedHashMap<>();
        sig.put("SA", "ECDSA-secp256r1-SHA256");
        sig.put("SE", "hex");
        sig.put("SM", "application/x-der");
        sig.put("SD", sign(payload));
        return "OCMF|" + payload + "|" + MeterJson.write(sig);
    }

    /** @return one reading of the import register in kWh, as OCMF writes it */
    static Map<String, Object> reading(String time, String tx, double kWh) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("TM", time);
        r.put("TX", tx);
        r.put("RV", Math.round(kWh * 1000) / 1000.0);
        r.put("RI", "1-b:1.8.0");
        r.put("RU", "kWh");
        r.put("RT", "DC");
        r.put("EF", "");
        r.put("ST", "G");
        return r;
    }
}
