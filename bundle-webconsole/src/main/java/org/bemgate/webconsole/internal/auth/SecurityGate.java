package org.bemgate.webconsole.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.bemgate.webconsole.internal.Settings;
import org.bemgate.webconsole.internal.api.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of every request of the console's context, called from the whiteboard context's
 * {@code handleSecurity}: a session cookie from the login page (with a CSRF token on state-changing
 * requests) or HTTP Basic for scripts. Only the login page and its assets are open. Role checks
 * happen per endpoint, with the {@link ConsoleUser} this gate leaves in a request attribute.
 */
public final class SecurityGate {

    /** The session cookie. */
    public static final String COOKIE = "BEMGATE_SESSION";
    /** The header that repeats the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request attribute holding the {@link ConsoleUser}. */
    public static final String USER_ATTRIBUTE = "org.bemgate.webconsole.user";
    /** Request attribute holding the {@link ConsoleSession}, absent for Basic authentication. */
    public static final String SESSION_ATTRIBUTE = "org.bemgate.webconsole.session";
    /** Whiteboard attribute names (ServletContextHelper.REMOTE_USER, AUTHENTICATION_TYPE) without the OSGi class. */
    private static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";
    private static final String AUTH_TYPE = "org.osgi.service.http.authentication.type";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern STATIC_FILE = Pattern.compile("/[a-z0-9-]+\\.(js|css|svg|ico|png|woff2)");

    private final Logger logger = LoggerFactory.getLogger(SecurityGate.class);
    private final Authenticator authenticator;
    private final Settings settings;
    private final LoginThrottle throttle;
    private final SessionStore sessions;

    /**
     * @param authenticator checks passwords
     * @param settings role names
     * @param throttle failed-login bookkeeping
     * @param sessions the login sessions
     */
    public SecurityGate(Authenticator authenticator, Settings settings, LoginThrottle throttle, SessionStore sessions) {
        this.authenticator = authenticator;
        this.settings = settings;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    /**
     * Decides whether a request may proceed; if not, writes the response.
     *
     * @param req the request
     * @param resp the response
     * @return true to serve the request
     * @throws IOException if the client went away
     */
    public boolean handleSecurity(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "same-origin");
        String path = relativePath(req);
        if (isPublic(req.getMethod(), path)) {
            return true;
        }
        String authorization = req.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(req, resp, authorization.substring(6).trim());
        }
        Optional<ConsoleSession> session = sessions.find(cookie(req));
        if (session.isEmpty()) {
            unauthenticated(req, resp, path);
            return false;
        }
        ConsoleSession s = session.get();
        if (!SAFE_METHODS.contains(req.getMethod()) && !constantTimeEquals(s.csrfToken(), req.getHeader(CSRF_HEADER))) {
            Responses.error(resp, 403, "missing or wrong " + CSRF_HEADER + " header: repeat the token from GET "
                    + req.getContextPath() + "/api/v1/session");
            return false;
        }
        accept(req, s.user(), "FORM");
        req.setAttribute(SESSION_ATTRIBUTE, s);
        return true;
    }

    /**
     * Checks a login from the login page and counts failures.
     *
     * @param user the user name
     * @param password the password; cleared afterwards
     * @param address the remote address
     * @return the result
     */
    public LoginResult login(String user, char[] password, String address) {
        try {
            long wait = throttle.retryAfterMillis(user, address);
            if (wait > 0) {
                logger.warn("Web console login of user '{}' from {} refused for {} s after repeated failures",
                        printable(user), address, (wait + 999) / 1000);
                return new LoginResult(LoginResult.Outcome.THROTTLED, null, wait);
            }
            Optional<Set<String>> roles = authenticator.authenticate(user, password);
            if (roles.isEmpty()) {
                int failures = throttle.failed(user, address);
                logger.warn("Failed web console login for user '{}' from {} ({} failure(s) in a row)", printable(user),
                        address, failures);
                return new LoginResult(LoginResult.Outcome.WRONG, null, 0);
            }
            throttle.succeeded(user, address);
            Optional<Role> role = Role.highest(roles.get(), settings);
            if (role.isEmpty()) {
                logger.warn("User '{}' logged in from {} but has none of the web console roles {}, {}, {}",
                        printable(user), address, settings.viewerRoles(), settings.operatorRoles(), settings.adminRoles());
                return new LoginResult(LoginResult.Outcome.NO_ROLE, null, 0);
            }
            return new LoginResult(LoginResult.Outcome.OK, new ConsoleUser(user, role.get()), 0);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** @return the login sessions */
    public SessionStore sessions() {
        return sessions;
    }

    /** @return failed-login bookkeeping */
    public LoginThrottle throttle() {
        return throttle;
    }

    /**
     * @param req a request that passed {@link #handleSecurity}
     * @return its user, or null on a public path
     */
    public static ConsoleUser user(HttpServletRequest req) {
        return (ConsoleUser) req.getAttribute(USER_ATTRIBUTE);
    }

    /**
     * @param req a request
     * @return the value of the session cookie, or null
     */
    public static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /**
     * @param req a request
     * @return its path inside the console's context, such as {@code /api/v1/datapoints}
     */
    public static String relativePath(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String ctx = req.getContextPath();
        String p = ctx != null && uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri;
        return p.isEmpty() ? "/" : p;
    }

    /**
     * @param user text from a client
     * @return the text with control characters replaced and cut to 64 characters, safe for a log line
     */
    public static String printable(String user) {
        if (user == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < user.length() && i < 64; i++) {
            char c = user.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    private boolean basic(HttpServletRequest req, HttpServletResponse resp, String encoded) throws IOException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            Responses.error(resp, 400, "malformed Authorization header: not Base64");
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            Responses.error(resp, 400, "malformed Authorization header: expected user:password");
            return false;
        }
        LoginResult r = login(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(), req.getRemoteAddr());
        switch (r.outcome()) {
            case OK:
                accept(req, r.user(), "BASIC");
                return true;
            case THROTTLED:
                throttled(resp, r.retryAfterMillis());
                return false;
            case NO_ROLE:
                Responses.error(resp, 403, "user has no web console role");
                return false;
            default:
                resp.setHeader("WWW-Authenticate", "Basic realm=\"bemgate\", charset=\"UTF-8\"");
                Responses.error(resp, 401, "wrong user name or password");
                return false;
        }
    }

    /**
     * Answers 429 with a Retry-After header.
     *
     * @param resp the response
     * @param retryAfterMillis the delay
     * @throws IOException if the client went away
     */
    public static void throttled(HttpServletResponse resp, long retryAfterMillis) throws IOException {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        resp.setHeader("Retry-After", Long.toString(seconds));
        Responses.error(resp, 429, "too many failed logins: try again in " + seconds + " s");
    }

    private static void accept(HttpServletRequest req, ConsoleUser user, String type) {
        req.setAttribute(USER_ATTRIBUTE, user);
        req.setAttribute(REMOTE_USER, user.name());
        req.setAttribute(AUTH_TYPE, type);
    }

    private static void unauthenticated(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        boolean page = "GET".equals(req.getMethod()) && !path.startsWith("/api/") && !path.equals("/metrics");
        if (page) {
            resp.setStatus(302);
            resp.setHeader("Location", req.getContextPath() + "/login");
            return;
        }
        // Only scripts get the Basic challenge: in a browser it would pop up the browser's own dialog.
        if (req.getHeader("X-Requested-With") == null) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"bemgate\", charset=\"UTF-8\"");
        }
        Responses.error(resp, 401, "login required: log in at " + req.getContextPath() + "/login or use HTTP Basic");
    }

    private static boolean isPublic(String method, String path) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        // The login page and the console's static code and styles (no data in them) load without a session.
        return path.equals("/login") && (read || "POST".equals(method))
                || read && (path.startsWith("/assets/") && !path.contains("..") || STATIC_FILE.matcher(path).matches());
    }

    private static boolean constantTimeEquals(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
