package org.bemgate.webconsole.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The console's own whiteboard context at {@code /bemgate} (configurable): every servlet of the bundle
 * selects it, and its {@link #handleSecurity} authenticates every request. A context of its own keeps
 * the console apart from other web applications of the container (stack.md, pitfall 1).
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, configurationPid = WebConsoleConfig.PID,
        property = { HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + ConsoleContext.NAME,
                HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH + "=/bemgate" })
public final class ConsoleContext extends ServletContextHelper {

    /** The context's whiteboard name. */
    public static final String NAME = "bemgate";

    /** The filter servlets use to select this context. */
    public static final String SELECT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + NAME + ")";

    private final Console console;

    /** @param source the console */
    @Activate
    public ConsoleContext(@Reference ConsoleSource source) {
        this.console = source.console();
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return console.gate().handleSecurity(request, response);
    }
}
