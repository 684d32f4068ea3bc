package org.bemgate.ocpp.internal.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a WebSocket upgrade may become an OCPP session: the charge point id (the last path
 * segment), subprotocol {@code ocpp1.6}, the allow-list of ids and HTTP Basic authentication
 * (OCPP 1.6 Security Profile 1: user = charge point id). Pure, so every refusal is unit-tested.
 *
 * @param allowedIds the charge points that may connect; empty for any
 * @param passwords Basic-auth passwords per charge point id
 * @param basicAuthRequired whether a charge point without a password is refused
 */
public record Handshake(Set<String> allowedIds, Map<String, String> passwords, boolean basicAuthRequired) {

    /** The only subprotocol served. */
    public static final String SUBPROTOCOL = "ocpp1.6";
    /** What the key of a datapoint can carry: no separator of bemgate keys, MQTT topics or paths. */
    public static final int MAX_ID_LENGTH = 64;

    /** The decision; {@code httpStatus} and {@code reason} only matter when refused. */
    public record Result(boolean accepted, String chargePointId, int httpStatus, String reason) {
        static Result refuse(String id, int status, String reason) {
            return new Result(false, id, status, reason);
        }
    }

    /**
     * @param path the request path, such as {@code /ocpp/CP-1}
     * @param subprotocols the offered {@code Sec-WebSocket-Protocol} values
     * @param authorization the {@code Authorization} header, or null
     * @return whether to accept, and which charge point it is
     */
    public Result check(String path, List<String> subprotocols, String authorization) {
        String id = chargePointId(path);
        if (id == null) {
            return Result.refuse(null, 400, "no valid charge point id as the last path segment of '" + path + "' (1 to "
                    + MAX_ID_LENGTH + " characters, no white space, '/', '+', '#' or '__')");
        }
        if (subprotocols == null || subprotocols.stream().noneMatch(SUBPROTOCOL::equalsIgnoreCase)) {
            return Result.refuse(id, 400, "subprotocol " + SUBPROTOCOL + " not offered (offered: " + subprotocols + ")");
        }
        if (!allowedIds.isEmpty() && !allowedIds.contains(id)) {
            return Result.refuse(id, 404, "charge point '" + id + "' is not in chargePointIds");
        }
        String password = passwords.get(id);
        if (password == null) {
            return basicAuthRequired ? Result.refuse(id, 401, "no password is configured for charge point '" + id
                    + "' and basicAuthRequired is set") : new Result(true, id, 101, "");
        }
        if (authorization == null) {
            return Result.refuse(id, 401, "no Basic authentication sent");
        }
        String credentials = decodeBasic(authorization);
        if (credentials == null) {
            return Result.refuse(id, 401, "the Authorization header is not HTTP Basic");
        }
        int colon = credentials.indexOf(':');
        boolean userOk = colon >= 0 && credentials.substring(0, colon).equals(id);
        boolean passwordOk = colon >= 0 && MessageDigest.isEqual(credentials.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        if (!userOk || !passwordOk) {
            return Result.refuse(id, 401, userOk ? "wrong password" : "the user name is not the charge point id");
        }
        return new Result(true, id, 101, "");
    }

    /** @return the URL-decoded last path segment if it can be part of a datapoint key, else null */
    public static String chargePointId(String path) {
        if (path == null) {
            return null;
        }
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String raw = p.substring(p.lastIndexOf('/') + 1);
        String id;
        try {
            id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.contains("__")) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '+' || c == '#' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return null;
            }
        }
        return id;
    }

    private static String decodeBasic(String header) {
        String h = header.strip();
        if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
