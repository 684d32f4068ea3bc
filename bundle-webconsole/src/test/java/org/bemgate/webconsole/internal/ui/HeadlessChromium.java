package org.bemgate.webconsole.internal.ui;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver protocol: just the calls the
 * console test needs, with no browser or driver download. Chromium runs with the flags that keep it
 * from reaching any host but the one under test.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI session;

    /** @return whether Debian's chromium and chromium-driver are installed */
    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    HeadlessChromium() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER, "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Map<String, Object> options = Map.of("binary", CHROMIUM, "args", List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000"));
        JsonNode created = null;
        long end = System.currentTimeMillis() + 20_000;
        while (created == null) {
            try {
                created = call("POST", base.resolve("session"), Map.of("capabilities",
                        Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
            } catch (IOException e) { // the driver is still starting
                if (System.currentTimeMillis() > end) {
                    driver.destroyForcibly();
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        session = base.resolve("session/" + created.path("value").path("sessionId").asText() + "/");
    }

    void open(URI url) throws Exception {
        call("POST", session.resolve("url"), Map.of("url", url.toString()));
    }

    String url() throws Exception {
        return call("GET", session.resolve("url"), null).path("value").asText();
    }

    /** @return the element's id, waiting up to 15 s for it to appear */
    String find(String css) throws Exception {
        return waitFor(() -> {
            JsonNode r = call("POST", session.resolve("elements"), Map.of("using", "css selector", "value", css));
            JsonNode first = r.path("value").path(0);
            // W3C names the reference ELEMENT; older chromedriver answers use "ELEMENT"
            return first.isMissingNode() ? null : (first.has(ELEMENT) ? first.get(ELEMENT) : first.elements().next()).asText();
        }, id -> id != null, "element " + css);
    }

    /** Clicks, retrying while the element is being re-rendered (stale) or not yet interactable. */
    void click(String css) throws Exception {
        waitFor(() -> {
            try {
                call("POST", session.resolve("element/" + find(css) + "/click"), Map.of());
                return true;
            } catch (IllegalStateException e) {
                if (e.getMessage().contains("not interactable") || e.getMessage().contains("stale element")) {
                    return false;
                }
                throw e;
            }
        }, done -> done, "a clickable " + css);
    }

    void type(String css, String text) throws Exception {
        String id = find(css);
        call("POST", session.resolve("element/" + id + "/clear"), Map.of());
        call("POST", session.resolve("element/" + id + "/value"), Map.of("text", text));
    }

    String text(String css) throws Exception {
        return call("GET", session.resolve("element/" + find(css) + "/text"), null).path("value").asText();
    }

    /** Saves what the browser shows as a PNG. */
    void screenshot(java.nio.file.Path file) throws Exception {
        String png = call("GET", session.resolve("screenshot"), null).path("value").asText();
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, java.util.Base64.getDecoder().decode(png));
    }

    /** @return the script's result as JSON */
    JsonNode script(String js, Object... args) throws Exception {
        return call("POST", session.resolve("execute/sync"), Map.of("script", js, "args", List.of(args))).path("value");
    }

    /** Polls until the check passes or 15 s are over. */
    <T> T waitFor(Check<T> supplier, Predicate<T> check, String what) throws Exception {
        long end = System.currentTimeMillis() + 15_000;
        T last = null;
        while (System.currentTimeMillis() < end) {
            last = supplier.get();
            if (check.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last);
    }

    /** A value read from the page. */
    @FunctionalInterface
    interface Check<T> {
        T get() throws Exception;
    }

    private JsonNode call(String method, URI uri, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        b.header("Content-Type", "application/json");
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(r.body());
        if (r.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + uri + ": " + json.path("value").path("message").asText());
        }
        return json;
    }

    @Override
    public void close() {
        try {
            call("DELETE", session, null);
        } catch (Exception e) {
            // the browser may already be gone; the driver is stopped below anyway
        }
        // Chromium is the driver's child: end it too, or a failed test leaves a browser running.
        driver.descendants().forEach(ProcessHandle::destroy);
        driver.destroy();
    }
}
