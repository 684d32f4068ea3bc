package org.bemgate.ocpp.internal.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** Who may open a session: id from the path, subprotocol, allow-list, Basic authentication. */
public class HandshakeTest {

    private static final List<String> OCPP = List.of("ocpp1.6");
    private final Handshake open = new Handshake(Set.of(), Map.of(), false);
    private final Handshake guarded = new Handshake(Set.of("CP-1", "CP-2"), Map.of("CP-1", "pa:ss"), false);

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void theIdIsTheLastPathSegment() {
        assertEquals("CP-1", Handshake.chargePointId("/ocpp/CP-1"));
        assertEquals("CP-1", Handshake.chargePointId("/CP-1/"));
        assertEquals("Wallbox:7", Handshake.chargePointId("/ocpp16/Wallbox%3A7"));
        assertNull(Handshake.chargePointId("/"));
        assertNull(Handshake.chargePointId("/ocpp/a__b"));
        assertNull(Handshake.chargePointId("/ocpp/a%2Fb"));
        assertNull(Handshake.chargePointId("/ocpp/a%20b"));
        assertNull(Handshake.chargePointId("/ocpp/" + "x".repeat(65)));
        assertNull(Handshake.chargePointId("/ocpp/%zz"));
    }

    @Test
    public void anyIdWithTheSubprotocolIsAcceptedWhenNothingIsConfigured() {
        Handshake.Result r = open.check("/ocpp/CP-9", List.of("ocpp2.0.1", "ocpp1.6"), null);
        assertTrue(r.accepted());
        assertEquals("CP-9", r.chargePointId());
        assertEquals(400, open.check("/ocpp/CP-9", List.of("ocpp2.0.1"), null).httpStatus());
        assertEquals(400, open.check("/ocpp/CP-9", List.of(), null).httpStatus());
        assertEquals(400, open.check("/", OCPP, null).httpStatus());
    }

    @Test
    public void allowListAndBasicAuth() {
        assertEquals(404, guarded.check("/ocpp/CP-3", OCPP, null).httpStatus());
        assertTrue("CP-2 has no password and auth is optional", guarded.check("/ocpp/CP-2", OCPP, null).accepted());
        assertTrue(guarded.check("/ocpp/CP-1", OCPP, basic("CP-1", "pa:ss")).accepted());
        Handshake.Result missing = guarded.check("/ocpp/CP-1", OCPP, null);
        assertEquals(401, missing.httpStatus());
        Handshake.Result wrong = guarded.check("/ocpp/CP-1", OCPP, basic("CP-1", "pa:sS"));
        assertEquals(401, wrong.httpStatus());
        assertFalse("no password in a reason", wrong.reason().contains("pa:s"));
        assertEquals(401, guarded.check("/ocpp/CP-1", OCPP, basic("CP-2", "pa:ss")).httpStatus());
        assertEquals(401, guarded.check("/ocpp/CP-1", OCPP, "Bearer abc").httpStatus());
        assertEquals(401, guarded.check("/ocpp/CP-1", OCPP, "Basic !!!").httpStatus());
        Handshake required = new Handshake(Set.of(), Map.of("CP-1", "x"), true);
        assertEquals(401, required.check("/ocpp/CP-2", OCPP, basic("CP-2", "x")).httpStatus());
    }
}
