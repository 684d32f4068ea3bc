package org.bemgate.webconsole.internal.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

import org.bemgate.core.api.InvalidMessageException;
import org.bemgate.core.api.UnknownDatapointException;
import org.bemgate.webconsole.internal.auth.ConsoleUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the route of a request, checks the user's role and maps exceptions to statuses: unknown
 * things 404, invalid values 422, conflicts 409, malformed requests 400.
 */
public final class Router {

    private final Logger logger = LoggerFactory.getLogger(Router.class);
    private final List<Route> routes;

    /** @param routes the endpoints */
    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** @return the endpoints */
    public List<Route> routes() {
        return routes;
    }

    /**
     * @param request the request, without path parameters
     * @return the response
     */
    public ApiResponse dispatch(ApiRequest request) {
        String[] segments = split(request.path());
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = match(r.template(), segments);
            if (params == null) {
                continue;
            }
            if (!r.method().equals(request.method())) {
                allowed.add(r.method());
                continue;
            }
            if (!request.user().has(r.role())) {
                return forbidden(r, request.user());
            }
            return call(r, request.withPathParams(params));
        }
        if (!allowed.isEmpty()) {
            return new ApiResponse(405, Map.of("error", "method " + request.method() + " not allowed here: use "
                    + String.join(", ", allowed)), Map.of("Allow", String.join(", ", allowed)));
        }
        return ApiResponse.of(404, Map.of("error", "no such endpoint: " + request.method() + " /api/v1" + request.path()));
    }

    /**
     * The role check alone, so a request the user may not make is refused before its body is read.
     *
     * @param method the HTTP method
     * @param path the path below {@code /api/v1}
     * @param user the logged-in user
     * @return the 403 answer if the endpoint needs a role the user lacks; empty otherwise
     */
    public Optional<ApiResponse> refusal(String method, String path, ConsoleUser user) {
        String[] segments = split(path);
        for (Route r : routes) {
            if (r.method().equals(method) && match(r.template(), segments) != null) {
                return user.has(r.role()) ? Optional.empty() : Optional.of(forbidden(r, user));
            }
        }
        return Optional.empty();
    }

    private static ApiResponse forbidden(Route r, ConsoleUser user) {
        return ApiResponse.of(403, Map.of("error", "this needs the role '" + r.role().jsonName() + "'; user '" + user.name()
                + "' has '" + user.role().jsonName() + "'"));
    }

    private ApiResponse call(Route r, ApiRequest request) {
        try {
            Object result = r.handler().handle(request);
            return result instanceof ApiResponse ? (ApiResponse) result : ApiResponse.ok(result);
        } catch (ApiException e) {
            return error(e.status(), e.getMessage());
        } catch (UnknownDatapointException | NoSuchElementException e) {
            return error(404, e.getMessage());
        } catch (InvalidMessageException e) {
            return error(422, e.getMessage());
        } catch (IllegalStateException e) {
            return error(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(422, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        } catch (Exception e) {
            logger.warn("Bug: {} /api/v1{} failed", request.method(), request.path(), e);
            return error(500, "internal error: " + e);
        }
    }

    private static ApiResponse error(int status, String message) {
        return ApiResponse.of(status, Map.of("error", message == null ? "error" : message));
    }

    private static Map<String, String> match(String template, String[] segments) {
        String[] t = split(template);
        if (t.length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{")) {
                params.put(t[i].substring(1, t[i].length() - 1), URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!t[i].equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.toArray(new String[0]);
    }
}
