package org.bemgate.webconsole.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.webconsole.internal.ConsoleContext;
import org.bemgate.webconsole.internal.api.Responses;
import org.bemgate.webconsole.internal.auth.SecurityGate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The browser console: the files under {@code webconsole/} of this bundle. The single page lives at
 * {@code /} and routes with the URL fragment, so every other path is a file or a 404.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=bemgate-ui",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=" + ConsoleContext.SELECT })
public final class UiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=utf-8", "js",
            "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "ico", "image/x-icon", "json", "application/json", "woff2", "font/woff2");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = SecurityGate.relativePath(req);
        if (path.equals("/") || path.equals("/index.html")) {
            path = "/index.html";
        }
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            Responses.error(resp, 404, "not found");
            return;
        }
        serve(path.substring(1), resp);
    }

    /**
     * Sends one file of the console.
     *
     * @param name the file below {@code webconsole/}, such as {@code login.html}
     * @param resp the response
     * @throws IOException if the client went away
     */
    public static void serve(String name, HttpServletResponse resp) throws IOException {
        try (InputStream in = UiServlet.class.getClassLoader().getResourceAsStream("webconsole/" + name)) {
            if (in == null) {
                Responses.error(resp, 404, "not found: " + name);
                return;
            }
            byte[] bytes = in.readAllBytes();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            resp.setStatus(200);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("Content-Security-Policy", CSP);
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        }
    }
}
