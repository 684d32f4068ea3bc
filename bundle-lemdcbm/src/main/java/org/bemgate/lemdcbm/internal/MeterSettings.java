package org.bemgate.lemdcbm.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bemgate.core.api.DatapointId;
import org.bemgate.lemdcbm.internal.client.MeterClient;
import org.bemgate.lemdcbm.internal.client.PinnedCertificate;
import org.bemgate.lemdcbm.internal.codec.SettingsBodies;
import org.bemgate.lemdcbm.internal.codec.TransactionRequest;

/**
 * A meter's checked configuration and the client built from it. {@link #check} names the first
 * property that cannot work, so the connector can go {@code FAILED} with that reason.
 *
 * @param initialRetries retries of the start-up read
 * @param initialDelay ms between them
 * @param txRetries retries of each transaction request
 * @param txDelay ms between them
 * @param pollMillis live-value poll interval
 * @param defaults EVSE id, tariff and cable of a start that gives none
 * @param ntp the NTP servers; empty when the gateway sets the time
 * @param activeOnFirstSight keys to activate on first registration
 * @param client HTTP or pinned HTTPS to the meter
 */
record MeterSettings(int initialRetries, long initialDelay, int txRetries, long txDelay, long pollMillis, TransactionRequest defaults,
        List<SettingsBodies.NtpServer> ntp, Set<String> activeOnFirstSight, MeterClient client) {

    static MeterSettings check(String name, LemDcbmConfig cfg) throws ConfigProblem {
        Set<String> activeOnFirstSight = new HashSet<>();
        try {
            DatapointId.checkConnectorName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("name: " + e.getMessage());
        }
        String host = trim(cfg.host());
        if (host.isEmpty() || host.contains("/") || host.contains(" ") || host.contains("?") || host.contains("#")) {
            throw new ConfigProblem("host: " + (host.isEmpty() ? "not set; give the meter's IP address or DNS name"
                    : "'" + host + "' is not an address or DNS name (no scheme, path or spaces)"));
        }
        checkPort("port", cfg.port());
        PinnedCertificate pin = null;
        if (!trim(cfg.meterCertificate()).isEmpty()) {
            try {
                pin = PinnedCertificate.parse(cfg.meterCertificate());
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("meterCertificate: " + e.getMessage());
            }
        }
        List<SettingsBodies.NtpServer> ntp = new ArrayList<>();
        if (!trim(cfg.ntpServer1()).isEmpty()) {
            checkPort("ntpServer1Port", cfg.ntpServer1Port());
            ntp.add(new SettingsBodies.NtpServer(trim(cfg.ntpServer1()), cfg.ntpServer1Port()));
        }
        if (!trim(cfg.ntpServer2()).isEmpty()) {
            if (ntp.isEmpty()) {
                throw new ConfigProblem("ntpServer2: set only together with ntpServer1, which turns NTP on");
            }
            checkPort("ntpServer2Port", cfg.ntpServer2Port());
            ntp.add(new SettingsBodies.NtpServer(trim(cfg.ntpServer2()), cfg.ntpServer2Port()));
        }
        checkAtLeast("initialConnectionRetries", cfg.initialConnectionRetries(), 0);
        checkAtLeast("initialConnectionRetryDelay", cfg.initialConnectionRetryDelay(), 0);
        checkAtLeast("transactionRequestRetries", cfg.transactionRequestRetries(), 0);
        checkAtLeast("transactionRequestRetryDelay", cfg.transactionRequestRetryDelay(), 0);
        checkAtLeast("pollMillis", cfg.pollMillis(), 100);
        checkAtLeast("tariffId", cfg.tariffId(), 0);
        checkAtLeast("cableId", cfg.cableId(), 0);
        if (cfg.timeoutMillis() < 100 || cfg.timeoutMillis() > 20_000) {
            throw new ConfigProblem("timeoutMillis: must be within 100–20000 (EVerest allows 1000–20000), not " + cfg.timeoutMillis());
        }
        for (String v : cfg.activeDatapoints() == null ? new String[0] : cfg.activeDatapoints()) {
            for (String k : v.split(",")) {
                if (!k.isBlank()) {
                    activeOnFirstSight.add(k.strip());
                }
            }
        }
        Set<String> known = new HashSet<>();
        MeterDatapoints.all(name).forEach(m -> known.add(m.id().key()));
        for (String k : activeOnFirstSight) {
            if (!known.contains(k)) {
                throw new ConfigProblem("activeDatapoints: '" + k + "' is not a datapoint of a LEM DCBM meter (" + known + ")");
            }
        }
        return new MeterSettings(cfg.initialConnectionRetries(), cfg.initialConnectionRetryDelay(), cfg.transactionRequestRetries(),
                cfg.transactionRequestRetryDelay(), cfg.pollMillis(),
                new TransactionRequest("", trim(cfg.evseId()), "", cfg.tariffId(), cfg.cableId(), ""), List.copyOf(ntp),
                Set.copyOf(activeOnFirstSight), new MeterClient(host, cfg.port(), pin, Duration.ofMillis(cfg.timeoutMillis())));
    }

    private static void checkPort(String property, int port) throws ConfigProblem {
        if (port < 1 || port > 65_535) {
            throw new ConfigProblem(property + ": must be within 1–65535, not " + port);
        }
    }

    private static void checkAtLeast(String property, int value, int min) throws ConfigProblem {
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
