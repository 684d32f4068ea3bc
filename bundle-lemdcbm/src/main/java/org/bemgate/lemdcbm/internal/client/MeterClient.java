package org.bemgate.lemdcbm.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

/**
 * HTTP or HTTPS to one meter with the JDK's client: every request carries
 * {@code Content-Type: application/json}, has a timeout, and follows no redirect. Calls block the
 * caller (the connector's own thread) until the answer or the timeout.
 */
public final class MeterClient {

    /** A meter's answer: its status and body. */
    public record Reply(int status, String body) {
    }

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    /**
     * @param host the meter's address or DNS name
     * @param port its port; the meter uses the same one with and without TLS
     * @param pin the meter's certificate for HTTPS, or null for plain HTTP
     * @param timeout the longest wait for one answer
     */
    public MeterClient(String host, int port, PinnedCertificate pin, Duration timeout) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if (pin != null) {
            b.sslContext(pin.sslContext());
        }
        this.http = b.build();
        this.base = (pin == null ? "http" : "https") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        this.timeout = timeout;
    }

    /** @return {@code http://host:port} or {@code https://host:port} */
    public String base() {
        return base;
    }

    /** @return a query parameter, encoded */
    public static String query(String name, String value) {
        return "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Sends one request.
     *
     * @param method GET, POST or PUT
     * @param path such as {@code /v1/status}
     * @param body the JSON body, or null for none
     * @return the answer, whatever its status
     * @throws MeterException when there is no answer; the message names the request
     * @throws InterruptedException when the connector is stopping
     */
    public Reply send(String method, String path, String body) throws MeterException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            throw new MeterException(method + " " + path + ": no answer within " + timeout.toMillis() + " ms", 0);
        } catch (SSLHandshakeException e) {
            throw new MeterException(method + " " + path + ": TLS handshake refused: " + rootMessage(e), 0);
        } catch (IOException e) {
            throw new MeterException(method + " " + path + ": cannot reach " + base + ": " + rootMessage(e), 0);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
