package com.example.bemgate.httpmeter.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class JsonTest {

    @Test
    public void readsEveryKindOfValue() throws Exception {
        Object v = Json.parse(" {\"a\": 1, \"b\": -2.5e3, \"c\": true, \"d\": false, \"e\": null, \"f\": \"x\\\"y\\u00e9\\n\","
                + " \"g\": [1, [], {}], \"h\": {\"i\": 0.25}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(1.0, m.get("a"));
        assertEquals(-2500.0, m.get("b"));
        assertEquals(true, m.get("c"));
        assertEquals(false, m.get("d"));
        assertTrue(m.containsKey("e"));
        assertNull(m.get("e"));
        assertEquals("x\"yé\n", m.get("f"));
        assertEquals(List.of(1.0, List.of(), Map.of()), m.get("g"));
        assertEquals(Map.of("i", 0.25), m.get("h"));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.copyOf(m.keySet()));
    }

    @Test
    public void refusesWhatIsNotJsonAndSaysWhere() {
        assertError(null, "empty body");
        assertError("", "value expected at character 1");
        assertError("{\"power\": 12,", "member name expected at character 14");
        assertError("{\"a\" 1}", "':' expected at character 6");
        assertError("{\"a\": 1} x", "unexpected text after the value at character 10");
        assertError("[1 2]", "']' expected at character 4");
        assertError("{'a': 1}", "member name expected at character 2");
        assertError("{\"a\": 01}", "bad number '01'");
        assertError("{\"a\": .5}", "unexpected '.'");
        assertError("{\"a\": 1.}", "bad number '1.'");
        assertError("{\"a\": tru}", "unexpected 't'");
        assertError("{\"a\": NaN}", "unexpected 'N'");
        assertError("\"abc", "unterminated string");
        assertError("\"a\\qb\"", "bad escape '\\q'");
        assertError("\"a\\u12\"", "short \\u escape");
        assertError("\"a\\u+12a\"", "bad \\u escape");
        assertError("\"a\tb\"", "control character in a string");
        assertError("[".repeat(40) + "]".repeat(40), "nested deeper than 32");
    }

    private static void assertError(String text, String expected) {
        try {
            Json.parse(text);
            fail("accepted: " + text);
        } catch (InvalidReplyException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("not valid JSON: "));
            assertTrue(e.getMessage() + " should contain " + expected, e.getMessage().contains(expected));
        }
    }
}
