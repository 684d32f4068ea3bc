package org.bemgate.ieee20305.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.bemgate.core.api.DatapointId;
import org.bemgate.ieee20305.internal.client.ClientIdentity;
import org.bemgate.ieee20305.internal.client.SepClient;
import org.bemgate.ieee20305.internal.codec.DeviceIds;
import org.bemgate.ieee20305.internal.codec.Sep;

/**
 * A server's checked configuration and the client built from it. {@link #check} names the first
 * property that cannot work, so the connector can go {@code FAILED} with that reason. The key
 * password is used here and dropped; it is never kept nor logged.
 *
 * @param client the HTTP(S) client
 * @param dcapHref the DeviceCapability's URL
 * @param aggregatorLfdi the aggregator's LFDI
 * @param aggregatorSfdi its SFDI
 * @param certificateSubject the client certificate's subject, for logs, or "" without one
 * @param csipNs the CSIP-AUS namespace written
 * @param devices the sites to register
 * @param defaultPollMillis when the server advertises no pollRate
 * @param minPollMillis the floor of a server's pollRate
 * @param retryMillis the first pause after a failure
 * @param maxRetryMillis the longest pause
 * @param activeOnFirstSight keys to activate on first registration
 */
record Settings(SepClient client, String dcapHref, String aggregatorLfdi, long aggregatorSfdi, String certificateSubject, String csipNs,
        List<DeviceSpec> devices, long defaultPollMillis, long minPollMillis, long retryMillis, long maxRetryMillis,
        Set<String> activeOnFirstSight) {

    static Settings check(String name, Ieee20305Config cfg) throws ConfigProblem {
        try {
            DatapointId.checkConnectorName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("name: " + e.getMessage());
        }
        String url = trim(cfg.baseUrl());
        URI base;
        try {
            base = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new ConfigProblem("baseUrl: '" + url + "' is not a URL: " + e.getMessage());
        }
        if (url.isEmpty() || base.getHost() == null || !List.of("https", "http").contains(String.valueOf(base.getScheme()).toLowerCase())
                || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new ConfigProblem("baseUrl: " + (url.isEmpty() ? "not set" : "'" + url + "' is not https://host[:port][/prefix]"));
        }
        boolean tls = base.getScheme().equalsIgnoreCase("https");
        String dcap = trim(cfg.dcapPath());
        if (!dcap.startsWith("/") || dcap.contains("?") || dcap.contains(" ")) {
            throw new ConfigProblem("dcapPath: '" + dcap + "' must be a path starting with '/', such as /dcap");
        }
        ClientIdentity identity = null;
        SSLContext ctx = null;
        if (!trim(cfg.clientCertificate()).isEmpty()) {
            identity = load(cfg);
            ctx = identity.sslContext();
        } else if (tls) {
            throw new ConfigProblem("clientCertificate: not set; a 2030.5 server over https:// authenticates the aggregator by its "
                    + "certificate");
        }
        if (tls && ctx == null) {
            ctx = problems(() -> ClientIdentity.trustOnly(trim(cfg.trustedCa())));
        }
        String lfdi;
        if (trim(cfg.lfdi()).isEmpty()) {
            if (identity == null) {
                throw new ConfigProblem("lfdi: not set; with http:// and no client certificate the aggregator's LFDI must be given");
            }
            lfdi = identity.lfdi();
        } else {
            try {
                lfdi = DeviceIds.normalize(cfg.lfdi());
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("lfdi: " + e.getMessage());
            }
            if (identity != null && !identity.lfdi().equals(lfdi)) {
                throw new ConfigProblem("lfdi: " + lfdi + " is not the LFDI of the client certificate (" + identity.lfdi()
                        + "); leave it empty to derive it");
            }
        }
        String ns = trim(cfg.csipausNamespace());
        if (!Sep.CSIPAUS_ANY.contains(ns)) {
            throw new ConfigProblem("csipausNamespace: '" + ns + "' is neither " + Sep.CSIPAUS_V12 + " nor " + Sep.CSIPAUS_V13);
        }
        List<DeviceSpec> devices;
        try {
            devices = DeviceSpec.parseAll(cfg.devices(), lfdi);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem(e.getMessage());
        }
        atLeast("defaultPollSeconds", cfg.defaultPollSeconds(), 1);
        atLeast("minPollSeconds", cfg.minPollSeconds(), 1);
        atLeast("retrySeconds", cfg.retrySeconds(), 1);
        atLeast("maxRetrySeconds", cfg.maxRetrySeconds(), cfg.retrySeconds());
        if (cfg.timeoutMillis() < 100 || cfg.timeoutMillis() > 120_000) {
            throw new ConfigProblem("timeoutMillis: must be within 100–120000, not " + cfg.timeoutMillis());
        }
        Set<String> active = new HashSet<>();
        for (String v : cfg.activeDatapoints() == null ? new String[0] : cfg.activeDatapoints()) {
            for (String k : v.split(",")) {
                if (!k.isBlank()) {
                    active.add(k.strip());
                }
            }
        }
        Set<String> known = Datapoints.keys(devices);
        for (String k : active) {
            if (!known.contains(k)) {
                throw new ConfigProblem("activeDatapoints: '" + k + "' is not a datapoint of this connector");
            }
        }
        SepClient client = new SepClient(base, ctx, Duration.ofMillis(cfg.timeoutMillis()), tls ? null : lfdi);
        String subject = identity == null ? "" : identity.certificate().getSubjectX500Principal().getName();
        return new Settings(client, base + dcap, lfdi, DeviceIds.sfdi(lfdi), subject, ns, devices, cfg.defaultPollSeconds() * 1000L,
                cfg.minPollSeconds() * 1000L, cfg.retrySeconds() * 1000L, cfg.maxRetrySeconds() * 1000L, Set.copyOf(active));
    }

    private static ClientIdentity load(Ieee20305Config cfg) throws ConfigProblem {
        return problems(() -> ClientIdentity.load(trim(cfg.clientCertificate()), trim(cfg.clientKey()), cfg._clientKeyPassword(),
                trim(cfg.trustedCa())));
    }

    private interface Loader<T> {
        T load() throws ClientIdentity.Problem;
    }

    private static <T> T problems(Loader<T> l) throws ConfigProblem {
        try {
            return l.load();
        } catch (ClientIdentity.Problem e) {
            throw new ConfigProblem(e.getMessage());
        }
    }

    private static void atLeast(String property, int value, int min) throws ConfigProblem {
        if (value < min) {
            throw new ConfigProblem(property + ": must be at least " + min + ", not " + value);
        }
    }

    private static String trim(String s) {
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
