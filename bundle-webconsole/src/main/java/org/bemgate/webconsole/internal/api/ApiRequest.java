package org.bemgate.webconsole.internal.api;

import java.util.List;
import java.util.Map;

import org.bemgate.core.api.DatapointId;
import org.bemgate.webconsole.internal.auth.ConsoleSession;
import org.bemgate.webconsole.internal.auth.ConsoleUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A REST request as the resource classes see it, free of the servlet API.
 *
 * @param method GET, POST, PUT or DELETE
 * @param path the path below {@code /api/v1}, such as {@code /datapoints}
 * @param query the query parameters
 * @param pathParams the values of {@code {name}} segments of the matched route
 * @param body the request body, empty if none
 * @param contentType the Content-Type header, or null
 * @param headers a few request headers by lower-case name ({@code x-file-name})
 * @param user the authenticated user
 * @param session the login session, or null for HTTP Basic
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> pathParams,
        byte[] body, String contentType, Map<String, String> headers, ConsoleUser user, ConsoleSession session) {

    /** @return the same request with the path parameters of a matched route */
    ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, query, params, body, contentType, headers, user, session);
    }

    /** @param name a query parameter @return its first value, or null */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** @param name a query parameter @return all its values, possibly empty */
    public List<String> params(String name) {
        List<String> v = query.get(name);
        return v == null ? List.of() : v;
    }

    /** @param name a path parameter @return its value */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /**
     * @param name a query parameter
     * @param dflt the value if absent
     * @param min the smallest allowed
     * @param max the largest allowed
     * @return its value as an int
     */
    public int intParam(String name, int dflt, int min, int max) {
        String v = param(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new ApiException(400, "parameter '" + name + "' must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "parameter '" + name + "' must be an integer, not '" + v + "'");
        }
    }

    /** @return the datapoint named by the {@code id} query parameter */
    public DatapointId datapointId() {
        String id = param("id");
        if (id == null || id.isEmpty()) {
            throw new ApiException(400, "missing query parameter 'id' (the datapoint id <connector>/<key>, URL-encoded)");
        }
        try {
            return DatapointId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    /** @return the body as a JSON tree; 400 if it is not JSON */
    public JsonNode json() {
        return Json.parse(body);
    }
}
