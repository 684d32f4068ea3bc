package org.bemgate.webconsole.internal.api;

import java.util.List;
import java.util.Map;

import org.bemgate.webconsole.internal.auth.Role;

/**
 * One REST endpoint: method, path template, the role it needs and its documentation, from which the
 * OpenAPI document is generated.
 *
 * @param method the HTTP method
 * @param template the path below {@code /api/v1}, with {@code {name}} segments
 * @param role the role a user needs
 * @param tag the group in the OpenAPI document
 * @param summary one line on what it does
 * @param params the query parameters
 * @param requestBody the schema name of the JSON body (or {@code binary}), or null
 * @param responses status codes with their meaning
 * @param handler the code
 */
public record Route(String method, String template, Role role, String tag, String summary, List<Param> params,
        String requestBody, Map<Integer, String> responses, Handler handler) {

    /** The code of an endpoint. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param request the request
         * @return an {@link ApiResponse}, or any other object to send as a 200 JSON body
         * @throws Exception mapped to a status by {@link Router}
         */
        Object handle(ApiRequest request) throws Exception;
    }

    /**
     * A query parameter.
     *
     * @param name its name
     * @param type {@code string}, {@code integer} or {@code boolean}
     * @param required whether it must be given
     * @param description what it means
     */
    public record Param(String name, String type, boolean required, String description) {
    }
}
