package org.bemgate.ocpp.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** OCPP-J framing: every frame shape and the violation that answers each broken one. */
public class FrameCodecTest {

    private static OcppViolation broken(String text) {
        try {
            FrameCodec.decode(text);
        } catch (OcppViolation v) {
            return v;
        }
        throw new AssertionError("accepted: " + text);
    }

    private static void violation(String text, ErrorCode code, String id, boolean answerable) {
        OcppViolation v = broken(text);
        assertEquals(text, code, v.code());
        assertEquals(text, id, v.uniqueId());
        assertEquals(text, answerable, v.answerable());
        assertFalse(v.getMessage().isEmpty());
    }

    @Test
    public void readsTheThreeFrames() throws OcppViolation {
        Frame.Call c = (Frame.Call) FrameCodec.decode("[2, \"19223201\", \"BootNotification\", {\"chargePointVendor\": \"VendorX\"}]");
        assertEquals("19223201", c.uniqueId());
        assertEquals("BootNotification", c.action());
        assertEquals("VendorX", c.payload().get("chargePointVendor").asText());
        Frame.CallResult r = (Frame.CallResult) FrameCodec.decode("[3,\"19223201\",{\"status\":\"Accepted\"}]");
        assertEquals("Accepted", r.payload().get("status").asText());
        Frame.CallError e = (Frame.CallError) FrameCodec.decode("[4,\"162376037\",\"NotSupported\",\"SetDisplayMessage not implemented\",{}]");
        assertEquals("NotSupported", e.errorCode());
        assertEquals("SetDisplayMessage not implemented", e.description());
        Frame.CallError noDetails = (Frame.CallError) FrameCodec.decode("[4,\"a\",\"GenericError\",\"\"]");
        assertTrue(noDetails.details().isEmpty());
    }

    @Test
    public void writesTheThreeFrames() throws OcppViolation {
        assertEquals("[2,\"u1\",\"Reset\",{\"type\":\"Soft\"}]", FrameCodec.call("u1", "Reset", FrameCodec.object().put("type", "Soft")));
        assertEquals("[3,\"u1\",{}]", FrameCodec.result("u1", FrameCodec.object()));
        assertEquals("[4,\"u1\",\"OccurenceConstraintViolation\",\"x: required\",{}]",
                FrameCodec.error("u1", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "x: required"));
        Frame back = FrameCodec.decode(FrameCodec.error("u2", ErrorCode.FORMATION_VIOLATION, "quote \" and \\ survive"));
        assertEquals("quote \" and \\ survive", ((Frame.CallError) back).description());
    }

    @Test
    public void brokenFramesAreNamed() {
        violation("", ErrorCode.FORMATION_VIOLATION, "-1", true);
        violation("nonsense", ErrorCode.FORMATION_VIOLATION, "-1", true);
        violation("{\"a\":1}", ErrorCode.FORMATION_VIOLATION, "-1", true);
        violation("[]", ErrorCode.FORMATION_VIOLATION, "-1", true);
        violation("[2]", ErrorCode.PROTOCOL_ERROR, "-1", true);
        violation("[\"2\",\"a\",\"Heartbeat\",{}]", ErrorCode.FORMATION_VIOLATION, "a", true);
        violation("[5,\"a\",\"Heartbeat\",{}]", ErrorCode.FORMATION_VIOLATION, "a", true);
        violation("[2,7,\"Heartbeat\",{}]", ErrorCode.FORMATION_VIOLATION, "-1", true);
        violation("[2,\"\",\"Heartbeat\",{}]", ErrorCode.FORMATION_VIOLATION, "-1", true);
        violation("[2,\"" + "x".repeat(37) + "\",\"Heartbeat\",{}]", ErrorCode.FORMATION_VIOLATION, "x".repeat(37), true);
        violation("[2,\"a\"]", ErrorCode.PROTOCOL_ERROR, "a", true);
        violation("[2,\"a\",\"Heartbeat\"]", ErrorCode.PROTOCOL_ERROR, "a", true);
        violation("[2,\"a\",\"Heartbeat\",{},{}]", ErrorCode.FORMATION_VIOLATION, "a", true);
        violation("[2,\"a\",5,{}]", ErrorCode.FORMATION_VIOLATION, "a", true);
        violation("[2,\"a\",\"\",{}]", ErrorCode.FORMATION_VIOLATION, "a", true);
        violation("[2,\"a\",\"Heartbeat\",[]]", ErrorCode.FORMATION_VIOLATION, "a", true);
        violation("[2,\"a\",\"Heartbeat\",null]", ErrorCode.FORMATION_VIOLATION, "a", true);
        violation("[2,\"a\",\"Heartbeat\",{\"k\":1,\"k\":2}]", ErrorCode.FORMATION_VIOLATION, "-1", true);
        violation("[3,\"a\"]", ErrorCode.PROTOCOL_ERROR, "a", false);
        violation("[3,\"a\",{},1]", ErrorCode.FORMATION_VIOLATION, "a", false);
        violation("[3,\"a\",\"ok\"]", ErrorCode.FORMATION_VIOLATION, "a", false);
        violation("[4,\"a\",\"GenericError\"]", ErrorCode.PROTOCOL_ERROR, "a", false);
        violation("[4,\"a\",1,\"d\",{}]", ErrorCode.FORMATION_VIOLATION, "a", false);
        violation("[4,\"a\",\"GenericError\",\"d\",[]]", ErrorCode.FORMATION_VIOLATION, "a", false);
    }

    @Test
    public void exactly36CharactersAreAnId() {
        try {
            assertEquals(36, FrameCodec.decode("[2,\"" + "y".repeat(36) + "\",\"Heartbeat\",{}]").uniqueId().length());
        } catch (OcppViolation e) {
            fail(e.getMessage());
        }
    }

    @Test
    public void wireSpellingsAreOcpp16s() {
        assertEquals("FormationViolation", ErrorCode.FORMATION_VIOLATION.wire());
        assertEquals("OccurenceConstraintViolation", ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION.wire());
        assertEquals("PropertyConstraintViolation", ErrorCode.PROPERTY_CONSTRAINT_VIOLATION.wire());
        assertEquals("TypeConstraintViolation", ErrorCode.TYPE_CONSTRAINT_VIOLATION.wire());
    }
}
