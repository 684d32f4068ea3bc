package org.bemgate.ieee20305.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.bemgate.ieee20305.internal.codec.Sep;

/**
 * HTTPS with a client certificate (or plain HTTP for test servers) to one 2030.5 server, with the
 * JDK's client: every request says {@code Accept} and, with a body, {@code Content-Type}
 * {@value Sep#MEDIA_TYPE}, has a timeout and follows no redirect. The server's hrefs are resolved
 * against the base URL as RFC 3986 says. Calls block the caller (the connector's own thread).
 */
public final class SepClient {

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body the body, "" if none
     * @param location the Location header as an href (path and query), or null
     */
    public record Reply(int status, String body, String location) {
    }

    /** The header envoy reads the client's identity from when TLS ends at a proxy. */
    public static final String FORWARDED_CLIENT_CERT = "x-forwarded-client-cert";

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final String forwardedLfdi;

    /**
     * @param base the server's base URL, {@code https://…} or {@code http://…}
     * @param tls the TLS context with the client's key, or null for plain HTTP
     * @param timeout the longest wait for connecting and for one answer
     * @param forwardedLfdi sent as {@value #FORWARDED_CLIENT_CERT} on plain HTTP, as a TLS-terminating proxy would; null for none
     */
    public SepClient(URI base, SSLContext tls, Duration timeout, String forwardedLfdi) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
        this.base = base;
        this.timeout = timeout;
        this.forwardedLfdi = forwardedLfdi;
    }

    /** @return the base URL */
    public URI base() {
        return base;
    }

    /** @return the absolute URI of an href */
    public URI resolve(String href) {
        return base.resolve(href);
    }

    /**
     * Sends one request.
     *
     * @param method GET, POST or PUT
     * @param href an href from the server, such as {@code /edev/3}, or a full URL
     * @param body the XML body, or null for none
     * @return the answer, whatever its status
     * @throws SepException when there is no answer; the message names the request
     * @throws InterruptedException when the connector is stopping
     */
    public Reply send(String method, String href, String body) throws SepException, InterruptedException {
        URI uri = resolve(href);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", Sep.MEDIA_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            rb.header("Content-Type", Sep.MEDIA_TYPE);
        }
        if (forwardedLfdi != null && "http".equalsIgnoreCase(base.getScheme())) {
            rb.header(FORWARDED_CLIENT_CERT, forwardedLfdi);
        }
        String what = method + " " + href;
        try {
            HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String location = r.headers().firstValue("Location").map(l -> asHref(uri, l)).orElse(null);
            return new Reply(r.statusCode(), r.body() == null ? "" : r.body(), location);
        } catch (HttpTimeoutException e) {
            throw new SepException(SepException.Kind.UNREACHABLE, what + ": no answer within " + timeout.toMillis() + " ms", 0);
        } catch (IOException e) {
            if (tlsFailure(e)) {
                throw new SepException(SepException.Kind.TLS, what + ": TLS refused: " + rootMessage(e), 0);
            }
            if ("https".equalsIgnoreCase(base.getScheme()) && closedAfterHandshake(e)) {
                // TLS 1.3: the server checks the client's certificate after the client finished its handshake, so a refusal
                // arrives as a closed connection, not as an alert
                throw new SepException(SepException.Kind.TLS, what + ": TLS refused: the server closed the connection after the "
                        + "handshake (" + rootMessage(e) + "); does it accept the client certificate?", 0);
            }
            throw new SepException(SepException.Kind.UNREACHABLE, what + ": cannot reach " + base + ": " + rootMessage(e), 0);
        }
    }

    /** A Location may be a full URL or a path; an href keeps the path and query only when it is on this server. */
    private String asHref(URI request, String location) {
        URI l = request.resolve(location.strip());
        boolean sameServer = l.getHost() != null && l.getHost().equalsIgnoreCase(base.getHost()) && port(l) == port(base);
        if (!sameServer) {
            return l.toString();
        }
        return l.getRawPath() + (l.getRawQuery() == null ? "" : "?" + l.getRawQuery());
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static boolean closedAfterHandshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof java.io.EOFException || m.contains("EOF reached") || m.contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    private static boolean tlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
