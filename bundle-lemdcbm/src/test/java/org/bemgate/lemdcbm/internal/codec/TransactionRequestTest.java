package org.bemgate.lemdcbm.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;

/** The transaction start actuator's value and the POST /v1/legal body it becomes. */
public class TransactionRequestTest {

    private static final TransactionRequest DEFAULTS = new TransactionRequest("", "DE*BEM*E1", "", 1, 2, "");

    private static String refusal(Object value) {
        try {
            TransactionRequest.parse(value, DEFAULTS);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        fail("should be refused: " + value);
        return null;
    }

    @Test
    public void aPlainIdTakesTheConfiguredDefaults() {
        TransactionRequest r = TransactionRequest.parse(" tx-1 ", DEFAULTS);
        assertEquals(new TransactionRequest("tx-1", "DE*BEM*E1", "", 1, 2, ""), r);
        assertEquals("{\"evseId\":\"DE*BEM*E1\",\"transactionId\":\"tx-1\",\"clientId\":\"tx-1\",\"tariffId\":1,\"cableId\":2,"
                + "\"userData\":\"\"}", r.toJson());
    }

    @Test
    public void aJsonObjectOverridesThemAndTheClientIdIsCutAt37() {
        TransactionRequest r = TransactionRequest.parse("{\"transactionId\": \"0123456789abcdef0123456789\", \"identificationData\": "
                + "\"04A1B2C3D4E5F6\", \"tariffId\": 5, \"userData\": \"note\", \"evseId\": \"X\"}", DEFAULTS);
        assertEquals("04A1B2C3D4E5F6,0123456789abcdef012345", r.clientId());
        assertEquals(TransactionRequest.CLIENT_ID_MAX, r.clientId().length());
        assertEquals("{\"evseId\":\"X\",\"transactionId\":\"0123456789abcdef0123456789\",\"clientId\":\"04A1B2C3D4E5F6,0123456789abcdef012345\","
                + "\"tariffId\":5,\"cableId\":2,\"userData\":\"note\"}", r.toJson());
    }

    @Test
    public void badValuesAreNamed() {
        assertEquals("transactionStart: write the transaction id, or a JSON object with \"transactionId\"", refusal(""));
        assertEquals("transactionStart: write the transaction id, or a JSON object with \"transactionId\"", refusal(5L));
        assertEquals("transactionStart: \"transactionId\" is missing or empty", refusal("{\"evseId\": \"x\"}"));
        assertEquals("transactionStart: \"evseId\" must be a string", refusal("{\"transactionId\": \"t\", \"evseId\": 1}"));
        assertEquals("transactionStart: \"cableId\" must be a whole number, 0 or more", refusal("{\"transactionId\": \"t\", \"cableId\": 1.5}"));
        assertEquals(0, refusal("{\"transactionId\": ").indexOf("transactionStart: not valid JSON"));
    }
}
