package org.bemgate.webconsole.internal.api;

import java.io.IOException;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

/** Writes JSON responses and errors. */
public final class Responses {

    private Responses() {
    }

    /**
     * @param resp the response
     * @param status HTTP status
     * @param body anything Jackson can write
     * @throws IOException if the client went away
     */
    public static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = Json.bytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /**
     * Writes {@code {"error": message}}.
     *
     * @param resp the response
     * @param status HTTP status
     * @param message the reason
     * @throws IOException if the client went away
     */
    public static void error(HttpServletResponse resp, int status, String message) throws IOException {
        json(resp, status, Map.of("error", message == null ? "error" : message));
    }
}
