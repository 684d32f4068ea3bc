package org.bemgate.webconsole.internal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.auth.ConsoleSession;
import org.bemgate.webconsole.internal.auth.Role;

/** The whole REST API below {@code /api/v1}: every resource's routes, the session and the OpenAPI document. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    /**
     * @param console the shared console state
     * @param contextPath supplies the console's path for the OpenAPI document
     * @return the router
     */
    public static Router router(Console console, java.util.function.Supplier<String> contextPath) {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET", "/session", Role.VIEWER, "session",
                "The logged-in user, role, the CSRF token to send as X-CSRF-Token, and the largest page of datapoints", List.of(), null,
                Map.of(200, "Session"), r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("user", r.user().name());
                    m.put("role", r.user().role().jsonName());
                    ConsoleSession s = r.session();
                    m.put("csrfToken", s == null ? null : s.csrfToken());
                    m.put("maxPageSize", console.settings().maxPageSize());
                    return m;
                }));
        routes.addAll(new DatapointResource(console).routes());
        routes.addAll(new ConnectorResource(console).routes());
        routes.addAll(new ConfigurationResource(console).routes());
        routes.addAll(new PlatformResource(console).routes());
        List<Route> documented = List.copyOf(routes);
        routes.add(new Route("GET", "/openapi.json", Role.VIEWER, "session", "This OpenAPI document", List.of(), null,
                Map.of(200, "the document"), r -> OpenApiDocument.build(documented, contextPath.get())));
        return new Router(routes);
    }
}
