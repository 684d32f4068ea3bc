package org.bemgate.webconsole.internal.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.ConsoleContext;
import org.bemgate.webconsole.internal.ConsoleSource;
import org.bemgate.webconsole.internal.auth.ConsoleSession;
import org.bemgate.webconsole.internal.auth.ConsoleUser;
import org.bemgate.webconsole.internal.auth.SecurityGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The REST API at {@code /api/v1/*}: turns the servlet request into an {@link ApiRequest}, lets the
 * {@link Router} handle it (role check included) and writes the JSON answer.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/api/v1/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=bemgate-api",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=" + ConsoleContext.SELECT })
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

    private final transient Console console;
    private final transient Router router;
    private volatile String contextPath = "/bemgate";

    /** @param source the shared console state */
    @Activate
    public ApiServlet(@Reference ConsoleSource source) {
        Console console = source.console();
        this.console = console;
        this.router = ApiRoutes.router(console, () -> contextPath);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ConsoleUser user = SecurityGate.user(req);
        if (user == null) {
            Responses.error(resp, 401, "login required");
            return;
        }
        contextPath = req.getContextPath();
        String path = SecurityGate.relativePath(req);
        path = path.startsWith("/api/v1") ? path.substring(7) : path;
        // Refused before reading the body: large bodies (uploads) are only read for those allowed to send them.
        ApiResponse refused = router.refusal(req.getMethod(), path, user).orElse(null);
        if (refused != null) {
            Responses.json(resp, refused.status(), refused.body());
            return;
        }
        boolean upload = "POST".equals(req.getMethod()) && "/bundles".equals(path);
        long limit = upload ? console.settings().maxUploadBytes() : MAX_JSON_BYTES;
        byte[] body = read(req.getInputStream(), limit);
        if (body == null) {
            Responses.error(resp, 413, "request body larger than " + limit / 1024 + " KiB");
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (req.getHeader("X-File-Name") != null) {
            headers.put("x-file-name", req.getHeader("X-File-Name"));
        }
        ApiRequest request = new ApiRequest(req.getMethod(), path, query(req.getQueryString()), Map.of(), body,
                req.getContentType(), headers, user, (ConsoleSession) req.getAttribute(SecurityGate.SESSION_ATTRIBUTE));
        ApiResponse r = router.dispatch(request);
        r.headers().forEach(resp::setHeader);
        if (r.body() == null) {
            resp.setStatus(r.status());
        } else {
            Responses.json(resp, r.status(), r.body());
        }
    }

    /**
     * @param queryString the raw query string, or null
     * @return the parameters, repeated ones in order
     */
    static Map<String, List<String>> query(String queryString) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return q;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "malformed query string: " + e.getMessage());
        }
    }

    private static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0;) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
