package org.bemgate.webconsole.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.webconsole.internal.api.Responses;
import org.bemgate.webconsole.internal.auth.ConsoleUser;
import org.bemgate.webconsole.internal.auth.Role;
import org.bemgate.webconsole.internal.auth.SecurityGate;

/** The role check of servlets outside the REST router. */
public final class Guard {

    private Guard() {
    }

    /**
     * @param req the request, after the context's security check
     * @param resp the response, written with 401 or 403 if the check fails
     * @param role the role needed
     * @return the user, or null if the request must end
     * @throws IOException if the client went away
     */
    public static ConsoleUser require(HttpServletRequest req, HttpServletResponse resp, Role role) throws IOException {
        ConsoleUser user = SecurityGate.user(req);
        if (user == null) {
            Responses.error(resp, 401, "login required");
            return null;
        }
        if (!user.has(role)) {
            Responses.error(resp, 403, "this needs the role '" + role.jsonName() + "'; user '" + user.name() + "' has '"
                    + user.role().jsonName() + "'");
            return null;
        }
        return user;
    }
}
