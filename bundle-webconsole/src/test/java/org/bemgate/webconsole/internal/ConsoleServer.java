package org.bemgate.webconsole.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.core.api.DatapointRegistry;
import org.bemgate.webconsole.internal.api.ApiServlet;
import org.bemgate.webconsole.internal.auth.LoginServlet;
import org.bemgate.webconsole.internal.events.EventStreamServlet;
import org.bemgate.webconsole.internal.metrics.MetricsServlet;
import org.bemgate.webconsole.internal.ui.UiServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The console's servlets on a real Jetty on 127.0.0.1 and a free port, as Pax Web mounts them: one
 * context at {@code /bemgate} whose security check (here a filter, in the container the whiteboard
 * context's handleSecurity) runs before every servlet.
 */
public final class ConsoleServer implements AutoCloseable {

    /** The users tests log in as: name = password, each with its one role. */
    public static final Map<String, String> USERS = Map.of("vera", "viewer", "otto", "operator", "ada", "admin");

    private final Server server;
    private final Console console;

    private ConsoleServer(Server server, Console console) {
        this.server = server;
        this.console = console;
    }

    /**
     * @param registry the registry the console shows
     * @param settings the console settings
     * @param clock epoch milliseconds
     * @return a started server
     * @throws Exception if Jetty does not start
     */
    public static ConsoleServer start(DatapointRegistry registry, Settings settings, LongSupplier clock) throws Exception {
        Console console = new Console(registry, settings,
                (user, password) -> USERS.containsKey(user) && new String(password).equals(user + "-secret")
                        ? Optional.of(Set.of(USERS.get(user))) : Optional.empty(), clock);
        Server server = new Server();
        ServerConnector http = new ServerConnector(server);
        http.setHost("127.0.0.1");
        http.setPort(0);
        server.addConnector(http);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/bemgate");
        context.addFilter(new FilterHolder(new Filter() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
                if (console.gate().handleSecurity((HttpServletRequest) req, (HttpServletResponse) resp)) {
                    chain.doFilter(req, resp);
                }
            }
        }), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new ApiServlet(() -> console)), "/api/v1/*");
        ServletHolder events = new ServletHolder(new EventStreamServlet(() -> console));
        events.setAsyncSupported(true);
        context.addServlet(events, "/api/v1/events");
        ServletHolder login = new ServletHolder(new LoginServlet(() -> console));
        context.addServlet(login, "/login");
        context.addServlet(login, "/logout");
        context.addServlet(new ServletHolder(new MetricsServlet(() -> console)), "/metrics");
        context.addServlet(new ServletHolder(new UiServlet()), "/*");
        server.setHandler(context);
        server.start();
        console.start();
        return new ConsoleServer(server, console);
    }

    /** @return settings as the defaults of the configuration, with a short health poll */
    public static Settings defaults() {
        return new Settings("karaf", Set.of("viewer"), Set.of("operator"), Set.of("admin"), Duration.ofMinutes(30), 100, 3,
                Duration.ofSeconds(2), Duration.ofSeconds(60), 5000, Duration.ofMillis(50), 4, Duration.ofMillis(100),
                Duration.ofSeconds(2), 1 << 20, 20_000, "org.bemgate.");
    }

    /** @return the console's base URI, ending in {@code /bemgate/} */
    public URI base() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/bemgate/");
    }

    /** @return the shared console state */
    public Console console() {
        return console;
    }

    @Override
    public void close() throws Exception {
        console.stop();
        server.stop();
    }
}
