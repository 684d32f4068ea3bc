package org.bemgate.webconsole.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A client of the console as a browser or a script uses it: session cookie and CSRF header, or Basic. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private String csrf;
    private String basic;

    ApiClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the login endpoint (JSON) and keeps the session cookie and CSRF token. */
    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "login", "{\"user\": \"" + user + "\", \"password\": \"" + password + "\"}");
        if (r.statusCode() == 200) {
            csrf = json(r).path("csrfToken").asText();
        }
        return r;
    }

    /** Logs in as one of {@link ConsoleServer#USERS}. */
    ApiClient as(String user) throws IOException, InterruptedException {
        HttpResponse<String> r = login(user, user + "-secret");
        if (r.statusCode() != 200) {
            throw new AssertionError("login as " + user + " failed: " + r.statusCode() + " " + r.body());
        }
        return this;
    }

    /** Uses HTTP Basic instead of a session, as scripts do. */
    ApiClient basic(String user, String password) {
        basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Drops the CSRF token, as a forged cross-site request would lack it. */
    ApiClient withoutCsrf() {
        csrf = null;
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (basic != null) {
            b.header("Authorization", basic);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpClient http() {
        return http;
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
