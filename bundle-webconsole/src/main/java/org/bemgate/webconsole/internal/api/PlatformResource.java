package org.bemgate.webconsole.internal.api;

import java.util.List;
import java.util.Map;

import org.bemgate.webconsole.internal.Console;
import org.bemgate.webconsole.internal.auth.Role;
import org.bemgate.webconsole.internal.platform.BundleAdmin;
import org.bemgate.webconsole.internal.platform.FeatureAdmin;
import org.bemgate.webconsole.internal.platform.UploadedBundle;

import com.fasterxml.jackson.databind.JsonNode;

/** Bundles and Karaf features: list, install or upgrade, uninstall. */
public final class PlatformResource {

    private final Console console;

    /** @param console the shared console state */
    public PlatformResource(Console console) {
        this.console = console;
    }

    /** @return the endpoints */
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/bundles", Role.VIEWER, "bundles", "Installed bundles with version and state", List.of(),
                        null, Map.of(200, "Bundle[]"), r -> bundles().list()),
                new Route("POST", "/bundles", Role.ADMIN, "bundles",
                        "Upload a bundle jar (raw body, or multipart/form-data with one file): installs it, or updates the "
                                + "installed bundle of the same symbolic name",
                        List.of(new Route.Param("start", "boolean", false, "start it afterwards; default true")), "binary",
                        Map.of(200, "BundleChange", 409, "refused by the framework", 413, "too large",
                                422, "not an OSGi bundle"),
                        this::upload),
                new Route("DELETE", "/bundles/{id}", Role.ADMIN, "bundles", "Uninstall a bundle", List.of(), null,
                        Map.of(200, "Bundle", 404, "unknown", 409, "refused"), r -> bundles().uninstall(bundleId(r))),
                new Route("POST", "/bundles/{id}/start", Role.ADMIN, "bundles", "Start a bundle", List.of(), null,
                        Map.of(200, "Bundle", 404, "unknown", 409, "refused"), r -> bundles().start(bundleId(r))),
                new Route("POST", "/bundles/{id}/stop", Role.ADMIN, "bundles", "Stop a bundle", List.of(), null,
                        Map.of(200, "Bundle", 404, "unknown", 409, "refused"), r -> bundles().stop(bundleId(r))),
                new Route("GET", "/features", Role.VIEWER, "bundles", "Karaf features and whether they are installed",
                        List.of(), null, Map.of(200, "Feature[]", 503, "no features service"), r -> features().list()),
                new Route("POST", "/features", Role.ADMIN, "bundles",
                        "Install a feature: {name, version?, upgrade?}; upgrade replaces an installed older version",
                        List.of(), "FeatureInstall", Map.of(200, "{installed: name}", 404, "unknown feature",
                                409, "installation failed"), this::install),
                new Route("DELETE", "/features/{name}", Role.ADMIN, "bundles", "Uninstall a feature",
                        List.of(new Route.Param("version", "string", false, "the version, if several")), null,
                        Map.of(200, "{uninstalled: name}", 404, "unknown", 409, "failed"), this::uninstall),
                new Route("POST", "/features/repositories", Role.ADMIN, "bundles",
                        "Add a features repository: {uri}, such as mvn:org.bemgate/features/0.2.0/xml/features", List.of(),
                        "Repository", Map.of(200, "{added: uri}", 409, "failed"), this::addRepository));
    }

    private BundleAdmin bundles() {
        BundleAdmin b = console.bundles();
        if (b == null) {
            throw new ApiException(503, "bundle management is not available");
        }
        return b;
    }

    private FeatureAdmin features() {
        FeatureAdmin f = console.features();
        if (f == null) {
            throw new ApiException(503, "features are not available: Karaf's features service is not running");
        }
        return f;
    }

    private Object upload(ApiRequest r) {
        byte[] jar = r.body();
        String type = r.contentType() == null ? "" : r.contentType();
        if (type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            jar = Multipart.firstFile(jar, type);
        }
        if (jar.length == 0) {
            throw new ApiException(400, "no jar in the request body");
        }
        UploadedBundle b = UploadedBundle.parse(jar);
        return bundles().installOrUpdate(b, !"false".equalsIgnoreCase(r.param("start")));
    }

    private Object install(ApiRequest r) {
        JsonNode body = r.json();
        MessageJson.object(body, "request body");
        MessageJson.unknownKeys(body, java.util.Set.of("name", "version", "upgrade"), "feature installation");
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new ApiException(400, "'name' must be a non-empty string");
        }
        String version = body.hasNonNull("version") ? body.get("version").asText() : null;
        boolean upgrade = body.path("upgrade").asBoolean(false);
        features().install(name.asText(), version, upgrade);
        return Map.of("installed", name.asText(), "upgrade", upgrade);
    }

    private Object uninstall(ApiRequest r) {
        features().uninstall(r.pathParam("name"), r.param("version"));
        return Map.of("uninstalled", r.pathParam("name"));
    }

    private Object addRepository(ApiRequest r) {
        JsonNode body = r.json();
        MessageJson.object(body, "request body");
        JsonNode uri = body.get("uri");
        if (uri == null || !uri.isTextual() || uri.asText().isBlank()) {
            throw new ApiException(400, "'uri' must be a non-empty string");
        }
        features().addRepository(uri.asText().trim());
        return Map.of("added", uri.asText().trim());
    }

    private static long bundleId(ApiRequest r) {
        try {
            return Long.parseLong(r.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "bundle id must be a number, not '" + r.pathParam("id") + "'");
        }
    }
}
