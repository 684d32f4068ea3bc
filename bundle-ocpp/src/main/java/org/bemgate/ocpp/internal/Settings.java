package org.bemgate.ocpp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bemgate.core.api.DatapointId;
import org.bemgate.ocpp.internal.server.Handshake;
import org.bemgate.ocpp.internal.server.OcppServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A checked {@link OcppConnectorConfig}: every property valid, or a {@link ConfigProblem} naming the first that is not. */
record Settings(String name, OcppServer.Listen listen, Handshake handshake, boolean acceptAllIdTags, Set<String> idTags,
        int heartbeatSeconds, long callTimeoutMillis, List<Actuator> bemcomActuators, double nominalVoltage, int phases,
        boolean acceptDataTransfer, Set<String> activeOnFirstSight) {

    /** Larger than any sane MeterValues; a bigger message closes only its own session (1009). */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    static Settings from(OcppConnectorConfig cfg) throws ConfigProblem {
        String name = trim(cfg.name());
        try {
            DatapointId.checkConnectorName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("name: " + e.getMessage());
        }
        if (cfg.port() < 0 || cfg.port() > 65_535) {
            throw new ConfigProblem("port: must be 1 to 65535, not " + cfg.port());
        }
        String bind = trim(cfg.bind()).isEmpty() ? "0.0.0.0" : trim(cfg.bind());
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list(cfg.chargePointIds())) {
            if (Handshake.chargePointId("/" + id) == null || !Handshake.chargePointId("/" + id).equals(id)) {
                throw new ConfigProblem("chargePointIds: '" + id + "' cannot be a charge point id (1 to " + Handshake.MAX_ID_LENGTH
                        + " characters, no white space, '/', '+', '#', '%' or '__')");
            }
            ids.add(id);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String entry : list(cfg._basicAuthPasswords())) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                // never echo the entry: it holds a password
                throw new ConfigProblem(".basicAuthPasswords: an entry is not <charge point id>=<password>");
            }
            passwords.put(entry.substring(0, eq).strip(), entry.substring(eq + 1));
        }
        String keystore = trim(cfg.keystore());
        if (!keystore.isEmpty() && !new java.io.File(keystore).isFile()) {
            throw new ConfigProblem("keystore: no file " + keystore);
        }
        if (cfg.heartbeatSeconds() < 1) {
            throw new ConfigProblem("heartbeatSeconds: must be at least 1, not " + cfg.heartbeatSeconds());
        }
        if (!(cfg.callTimeoutSeconds() > 0 && cfg.callTimeoutSeconds() <= 300)) {
            throw new ConfigProblem("callTimeoutSeconds: must be more than 0 and at most 300, not " + cfg.callTimeoutSeconds());
        }
        if (!(cfg.nominalVoltage() > 0)) {
            throw new ConfigProblem("nominalVoltage: must be more than 0, not " + cfg.nominalVoltage());
        }
        if (cfg.phases() < 1 || cfg.phases() > 3) {
            throw new ConfigProblem("phases: must be 1, 2 or 3, not " + cfg.phases());
        }
        if (!cfg.acceptAllIdTags() && list(cfg.idTags()).isEmpty()) {
            throw new ConfigProblem("idTags: empty while acceptAllIdTags is false, so no one could charge");
        }
        long heartbeatMillis = cfg.heartbeatSeconds() * 1000L;
        OcppServer.Listen listen = new OcppServer.Listen(bind, cfg.port(), keystore, trim(cfg.keystoreType()).isEmpty() ? "PKCS12"
                : trim(cfg.keystoreType()), cfg._keystorePassword() == null ? "" : cfg._keystorePassword(),
                Math.max(300_000L, 3 * heartbeatMillis), MAX_MESSAGE_BYTES);
        return new Settings(name, listen, new Handshake(Set.copyOf(ids), Map.copyOf(passwords), cfg.basicAuthRequired()),
                cfg.acceptAllIdTags(), Set.copyOf(list(cfg.idTags())), cfg.heartbeatSeconds(),
                Math.round(cfg.callTimeoutSeconds() * 1000), ocppConfig(cfg.ocppConfig()), cfg.nominalVoltage(), cfg.phases(),
                cfg.acceptDataTransfer(), Set.copyOf(list(cfg.activeDatapoints())));
    }

    /** BEMCom's OCPP_CONFIG: a JSON list of method names; a bare name or comma-separated names are taken too. */
    static List<Actuator> ocppConfig(String text) throws ConfigProblem {
        String t = trim(text);
        List<String> names = new ArrayList<>();
        if (t.startsWith("[")) {
            try {
                JsonNode list = new ObjectMapper().readTree(t);
                for (JsonNode n : list) {
                    if (!n.isTextual()) {
                        throw new ConfigProblem("ocppConfig: every entry must be a method name string, not " + n);
                    }
                    names.add(n.textValue().strip());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ConfigProblem("ocppConfig: not a JSON list of method names: " + e.getOriginalMessage());
            }
        } else if (!t.isEmpty()) {
            for (String n : t.split(",")) {
                names.add(n.strip().replace("\"", ""));
            }
        }
        List<Actuator> actuators = new ArrayList<>();
        for (String n : names) {
            Actuator a = Actuator.byBemcomMethod(n);
            if (a == null) {
                throw new ConfigProblem("ocppConfig: '" + n + "' is not one of BEMCom's methods " + Actuator.bemcomMethods());
            }
            if (!actuators.contains(a)) {
                actuators.add(a);
            }
        }
        return List.copyOf(actuators);
    }

    /** A .cfg file gives a list as one comma-separated string; Config Admin tools give an array. */
    static List<String> list(String[] values) {
        List<String> out = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
