package org.bemgate.webconsole.internal.api;

import java.util.Map;

/**
 * A REST response: a status and a body written as JSON.
 *
 * @param status the HTTP status
 * @param body anything Jackson can write, or null for no body
 * @param headers extra response headers
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    /** @param body the body @return a 200 response */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    /** @param status the status @param body the body @return the response */
    public static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }
}
