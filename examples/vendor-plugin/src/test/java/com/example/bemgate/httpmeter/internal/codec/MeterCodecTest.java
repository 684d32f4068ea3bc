package com.example.bemgate.httpmeter.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class MeterCodecTest {

    @Test
    public void aReadingWithExtraMembers() throws Exception {
        Reading r = MeterCodec.reading("{\"power\":1500.5,\"energy\":123456.789,\"voltage\":229.9,\"relay\":true,\"model\":\"SIM-1\"}");
        assertEquals(new Reading(1500.5, 123456.789, 229.9, true), r);
        assertEquals(new Reading(0, 0, 0, false), MeterCodec.reading("{\"relay\":false,\"voltage\":0,\"energy\":0,\"power\":0}"));
    }

    @Test
    public void aReadingWithoutAFieldOrWithAWrongTypeIsNamed() {
        assertInvalid("{\"energy\":1,\"voltage\":1,\"relay\":true}", "'power' is missing or null");
        assertInvalid("{\"power\":null,\"energy\":1,\"voltage\":1,\"relay\":true}", "'power' is missing or null");
        assertInvalid("{\"power\":\"12\",\"energy\":1,\"voltage\":1,\"relay\":true}", "'power' is 12, not a number");
        assertInvalid("{\"power\":1,\"energy\":1,\"voltage\":1,\"relay\":1}", "'relay' is 1.0, not true or false");
        assertInvalid("[1]", "a JSON object expected, not ArrayList");
        assertInvalid("null", "a JSON object expected, not null");
        assertInvalid("<html>", "not valid JSON: unexpected '<' at character 1");
    }

    @Test
    public void relayRequestAndReply() throws Exception {
        assertEquals("{\"on\":true}", MeterCodec.relayRequest(true));
        assertEquals("{\"on\":false}", MeterCodec.relayRequest(false));
        assertTrue(MeterCodec.relayReply("{\"relay\": true}"));
        assertFalse(MeterCodec.relayReply("{\"relay\": false}"));
        try {
            MeterCodec.relayReply("{}");
            fail();
        } catch (InvalidReplyException e) {
            assertEquals("'relay' is missing or null", e.getMessage());
        }
    }

    @Test
    public void errorTextOfARefusal() {
        assertEquals("relay locked", MeterCodec.errorText("{\"error\": \"relay locked\"}"));
        assertEquals("internal error", MeterCodec.errorText(" internal error\n"));
        assertEquals("{\"message\":\"x\"}", MeterCodec.errorText("{\"message\":\"x\"}"));
        assertEquals("", MeterCodec.errorText(null));
        assertEquals("x".repeat(120) + "…", MeterCodec.errorText("x".repeat(500)));
    }

    private static void assertInvalid(String body, String expected) {
        try {
            MeterCodec.reading(body);
            fail("accepted: " + body);
        } catch (InvalidReplyException e) {
            assertEquals(expected, e.getMessage());
        }
    }
}
