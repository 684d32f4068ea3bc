package org.bemgate.webconsole.internal.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.ConsoleSource;
import org.bemgate.webconsole.internal.ConsoleContext;
import org.bemgate.webconsole.internal.api.ApiException;
import org.bemgate.webconsole.internal.api.Json;
import org.bemgate.webconsole.internal.api.Responses;
import org.bemgate.webconsole.internal.ui.UiServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The login page and its form ({@code POST /login}, JSON or form-encoded), and {@code POST /logout}.
 * A login creates a session cookie ({@code HttpOnly; SameSite=Strict}) and hands out the CSRF token.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/login",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/logout",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=bemgate-login",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=" + ConsoleContext.SELECT })
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Console console;

    /** @param source the shared console state */
    @Activate
    public LoginServlet(@Reference ConsoleSource source) {
        Console console = source.console();
        this.console = console;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/login".equals(SecurityGate.relativePath(req))) {
            UiServlet.serve("login.html", resp);
        } else {
            resp.setHeader("Allow", "POST");
            Responses.error(resp, 405, "log out with POST");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/logout".equals(SecurityGate.relativePath(req))) {
            logout(req, resp);
            return;
        }
        boolean form = req.getContentType() != null
                && req.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        String user;
        char[] password;
        if (form) {
            user = req.getParameter("user");
            String p = req.getParameter("password");
            password = p == null ? null : p.toCharArray();
        } else {
            JsonNode body;
            try {
                body = Json.parse(req.getInputStream().readNBytes(64 * 1024));
            } catch (ApiException e) {
                Responses.error(resp, e.status(), e.getMessage());
                return;
            }
            user = body.path("user").isTextual() ? body.get("user").asText() : null;
            password = body.path("password").isTextual() ? body.get("password").asText().toCharArray() : null;
        }
        if (user == null || user.isEmpty() || password == null) {
            Responses.error(resp, 400, "give 'user' and 'password'");
            return;
        }
        LoginResult r = console.gate().login(user, password, req.getRemoteAddr());
        switch (r.outcome()) {
            case OK:
                ConsoleSession s = console.gate().sessions().create(r.user());
                resp.addHeader("Set-Cookie", cookie(req, s.id(), false));
                if (form) {
                    resp.setStatus(303);
                    resp.setHeader("Location", req.getContextPath() + "/");
                } else {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("user", r.user().name());
                    m.put("role", r.user().role().jsonName());
                    m.put("csrfToken", s.csrfToken());
                    Responses.json(resp, 200, m);
                }
                return;
            case THROTTLED:
                if (form) {
                    redirect(req, resp, "throttled");
                } else {
                    SecurityGate.throttled(resp, r.retryAfterMillis());
                }
                return;
            case NO_ROLE:
                if (form) {
                    redirect(req, resp, "norole");
                } else {
                    Responses.error(resp, 403, "user '" + user + "' has no web console role");
                }
                return;
            default:
                if (form) {
                    redirect(req, resp, "wrong");
                } else {
                    Responses.error(resp, 401, "wrong user name or password");
                }
        }
    }

    private void logout(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        console.gate().sessions().remove(SecurityGate.cookie(req));
        resp.addHeader("Set-Cookie", cookie(req, "", true));
        Responses.json(resp, 200, Map.of("loggedOut", true));
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse resp, String error) {
        resp.setStatus(303);
        resp.setHeader("Location", req.getContextPath() + "/login?error=" + error);
    }

    private static String cookie(HttpServletRequest req, String value, boolean expire) {
        String path = req.getContextPath().isEmpty() ? "/" : req.getContextPath();
        return SecurityGate.COOKIE + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }
}
