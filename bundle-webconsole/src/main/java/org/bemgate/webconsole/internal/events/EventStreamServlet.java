package org.bemgate.webconsole.internal.events;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import javax.servlet.AsyncContext;
import javax.servlet.Servlet;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.ConsoleSource;
import org.bemgate.webconsole.internal.ConsoleContext;
import org.bemgate.webconsole.internal.Guard;
import org.bemgate.webconsole.internal.api.Responses;
import org.bemgate.webconsole.internal.auth.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The live event stream, {@code GET /api/v1/events}, as Server-Sent Events. Optional parameters:
 * {@code pattern} (a glob over datapoint ids) and {@code types} (comma-separated event types). The
 * request goes asynchronous and a writer thread of the {@link EventHub} feeds it.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/api/v1/events",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=bemgate-events",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED + "=true",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=" + ConsoleContext.SELECT })
public final class EventStreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Console console;

    /** @param source the shared console state */
    @Activate
    public EventStreamServlet(@Reference ConsoleSource source) {
        Console console = source.console();
        this.console = console;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Guard.require(req, resp, Role.VIEWER) == null) {
            return;
        }
        Set<String> types = new HashSet<>();
        String t = req.getParameter("types");
        if (t != null) {
            for (String s : t.split(",")) {
                if (!s.isBlank()) {
                    types.add(s.trim().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        if (console.hub().clients() >= console.settings().maxEventClients()) {
            Responses.error(resp, 503, "too many live-stream clients (" + console.settings().maxEventClients() + ")");
            return;
        }
        resp.setStatus(200);
        resp.setContentType("text/event-stream;charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        ServletOutputStream out = resp.getOutputStream();
        SseClient.Sink sink = new SseClient.Sink() {
            @Override
            public synchronized void send(byte[] frame) throws IOException {
                out.write(frame);
                out.flush();
            }

            @Override
            public void close() {
                try {
                    async.complete();
                } catch (IllegalStateException e) {
                    // already completed by the container after the client left
                }
            }
        };
        if (!console.hub().open(new EventFilter(types, req.getParameter("pattern")), sink)) {
            sink.close();
        }
    }
}
