package com.example.bemgate.httpmeter.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.bemgate.core.api.DatapointId;

/**
 * A meter's checked configuration. {@link #check} names the first property that cannot work, so the
 * connector can go {@code FAILED} with that reason instead of throwing from activation.
 *
 * @param name the connector name
 * @param base the meter's base URL without a trailing slash
 * @param pollMillis the poll interval
 * @param timeoutMillis the longest wait for an answer
 */
record MeterSettings(String name, URI base, long pollMillis, long timeoutMillis) {

    static MeterSettings check(HttpMeterConfig cfg) throws ConfigProblem {
        String name = trim(cfg.name());
        try {
            DatapointId.checkConnectorName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("name: " + e.getMessage());
        }
        String url = trim(cfg.url());
        if (url.isEmpty()) {
            throw new ConfigProblem("url: not set; give the meter's base URL, such as http://192.168.1.60");
        }
        URI base;
        try {
            base = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new ConfigProblem("url: '" + url + "' is not a URL: " + e.getReason());
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new ConfigProblem("url: '" + url + "' must be http:// or https:// followed by a host");
        }
        if (cfg.pollMillis() < 100) {
            throw new ConfigProblem("pollMillis: must be at least 100, not " + cfg.pollMillis());
        }
        if (cfg.timeoutMillis() < 100 || cfg.timeoutMillis() > 20_000) {
            throw new ConfigProblem("timeoutMillis: must be within 100–20000, not " + cfg.timeoutMillis());
        }
        return new MeterSettings(name, base, cfg.pollMillis(), cfg.timeoutMillis());
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** A configuration property that cannot work; the message starts with the property's name. */
    static final class ConfigProblem extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigProblem(String message) {
            super(message);
        }
    }
}
