package org.bemgate.keba.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/** BEMCom's KEBA_P30_CHARGE_STATIONS and what is wrong with bad ones. */
public class ChargeStationsTest {

    private static String problem(String json) {
        try {
            ChargeStations.parse(json);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        fail("accepted " + json);
        return null;
    }

    @Test
    public void bemcomsExamplesInOrder() {
        assertEquals(List.of(new ChargeStations.Station("p30_garage", "192.168.0.99")),
                ChargeStations.parse("{\"p30_garage\": \"192.168.0.99\"}"));
        assertEquals(List.of(new ChargeStations.Station("test_1", "localhost"), new ChargeStations.Station("test_2", "127.0.0.1")),
                ChargeStations.parse("{\"test_1\": \"localhost\", \"test_2\": \" 127.0.0.1 \"}"));
    }

    @Test
    public void badOnesSayWhy() {
        assertTrue(problem("{\"a\": \"1.2.3.4\"").startsWith("not valid JSON"));
        assertTrue(problem("[\"1.2.3.4\"]").startsWith("expected a JSON object"));
        assertTrue(problem("{}").startsWith("expected a JSON object"));
        assertTrue(problem("{\"a\": 7}").contains("station 'a': the address must be a non-empty string"));
        assertTrue(problem("{\"a\": \" \"}").contains("station 'a'"));
        assertTrue(problem("{\"a\": \"1.2.3.4\", \"a\": \"1.2.3.5\"}").contains("Duplicate field 'a'"));
        assertTrue(problem("{\"a\": \"1.2.3.4\", \"b\": \"1.2.3.4\"}").contains("'a' and 'b' both have address 1.2.3.4"));
        assertTrue(problem("{\"a__b\": \"1.2.3.4\"}").contains("must not"));
        assertTrue(problem("{\" a\": \"1.2.3.4\"}").contains("must not"));
    }
}
