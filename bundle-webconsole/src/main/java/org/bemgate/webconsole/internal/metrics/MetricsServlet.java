package org.bemgate.webconsole.internal.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.ConsoleSource;
import org.bemgate.webconsole.internal.ConsoleContext;
import org.bemgate.webconsole.internal.Guard;
import org.bemgate.webconsole.internal.auth.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/** Prometheus metrics at {@code /metrics}; scrape with HTTP Basic as a viewer. */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/metrics",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=bemgate-metrics",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=" + ConsoleContext.SELECT })
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetricsWriter writer;

    /** @param source the shared console state */
    @Activate
    public MetricsServlet(@Reference ConsoleSource source) {
        Console console = source.console();
        this.writer = new MetricsWriter(console);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Guard.require(req, resp, Role.VIEWER) == null) {
            return;
        }
        byte[] text = writer.write().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("text/plain;version=0.0.4;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(text.length);
        resp.getOutputStream().write(text);
    }
}
