package com.example.bemgate.httpmeter.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP to one meter with the JDK's client: JSON bodies, a timeout on every request, no redirects.
 * Calls block the caller — the connector's own thread — until the answer or the timeout.
 */
public final class MeterClient {

    /** An answer: status and body. */
    public record Reply(int status, String body) {
    }

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /**
     * @param base the meter's base URL, without a trailing slash
     * @param timeout the longest wait for one answer
     */
    public MeterClient(URI base, Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
        this.base = base;
        this.timeout = timeout;
    }

    /** @return the meter's base URL */
    public URI base() {
        return base;
    }

    /**
     * @param method GET or POST
     * @param path such as {@code /api/v1/reading}
     * @param body a JSON body, or null for none
     * @return the answer, whatever its status
     * @throws MeterException when there is no answer; the message names the request
     * @throws InterruptedException when the connector is stopping
     */
    public Reply send(String method, String path, String body) throws MeterException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            throw new MeterException(method + " " + path + ": no answer within " + timeout.toMillis() + " ms", 0);
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
