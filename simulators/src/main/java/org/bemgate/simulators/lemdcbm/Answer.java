package org.bemgate.simulators.lemdcbm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulated meter answers to one request: an HTTP status and a body, JSON unless it is
 * the OCMF text.
 *
 * @param status the HTTP status code
 * @param body the body text
 * @param json true for {@code application/json}, false for {@code text/plain}
 */
public record Answer(int status, String body, boolean json) {

    static Answer json(int status, Map<String, ?> body) {
        return new Answer(status, MeterJson.write(body), true);
    }

    static Answer text(int status, String body) {
        return new Answer(status, body, false);
    }

    static Answer error(int status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return json(status, m);
    }
}
