package org.bemgate.simulators.lemdcbm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a simulated LEM DCBM 400/600: its registers, the legal transaction state machine
 * (idle → running → idle, one transaction at a time), its OCMF records, its settings and its clock.
 * Thread-safe; the HTTP side is {@link LemDcbmSimulator}.
 *
 * <p>Each {@code livemeasure} read is one simulated second: while a transaction runs, the meter
 * draws about 48 kW and the import register grows accordingly, so values change deterministically.
 * A transaction starts only while the meter's time is valid: set within the last 48 hours, or NTP on.
 */
public final class Meter {

    /** LEM's communication manual 4.2.9: time sync expires this long after the time was last set. */
    public static final Duration TIME_VALIDITY = Duration.ofHours(48);

    private static final DateTimeFormatter OCMF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSSxx").withZone(ZoneOffset.UTC);

    private final String meterId;
    private final String firmware;
    private final Clock clock;
    private final OcmfRecords ocmf = new OcmfRecords();
    private final List<Transaction> finished = new ArrayList<>();
    private final List<Map<String, Object>> settingsWrites = new ArrayList<>();
    private Duration clockOffset = Duration.ZERO;
    private Instant timeSetAt;
    private boolean ntpActivated;
    private List<Object> ntpServers = List.of();
    private String timeZone = "+00:00";
    private long identificationType;
    private boolean tlsOn;
    private double importKWh = 188.977;
    private double exportKWh;
    private double powerKW;
    private long seconds;
    private Transaction running;
    private long pagination;

    /** One legal transaction. */
    private static final class Transaction {
        final Map<String, Object> request;
        final String id;
        final Instant start;
        final double importStart;
        final double exportStart;
        Instant stop;
        double importStop;
        double exportStop;
        long page;
        String ocmf;

        Transaction(Map<String, Object> request, Instant start, double importStart, double exportStart) {
            this.request = request;
            this.id = (String) request.get("transactionId");
            this.start = start;
            this.importStart = importStart;
            this.exportStart = exportStart;
        }
    }

    /** Meter 12024072805 on the system clock, its time set now. */
    public Meter() {
        this("12024072805", Clock.systemUTC());
    }

    /**
     * @param meterId the serial, digits only as on the real meter
     * @param clock the simulator's own time, which tests move; the meter's time is this plus what {@code time.utc} set
     */
    public Meter(String meterId, Clock clock) {
        this.meterId = meterId;
        this.firmware = "1.2.3.4";
        this.clock = clock;
        this.timeSetAt = clock.instant();
    }

    /** @return the meter id */
    public String meterId() {
        return meterId;
    }

    /** Forgets that the time was ever set, as after a power cut: transactions are refused until it is. */
    public synchronized void forgetTime() {
        timeSetAt = null;
    }

    /** @return true while the meter's time counts as synchronised */
    public synchronized boolean timeSyncOk() {
        return ntpActivated || timeSetAt != null && clock.instant().isBefore(timeSetAt.plus(TIME_VALIDITY));
    }

    /** @return the meter's own time */
    public synchronized Instant meterTime() {
        return clock.instant().plus(clockOffset);
    }

    /** @return true while a transaction runs */
    public synchronized boolean transactionRunning() {
        return running != null;
    }

    /** @return the import register, kWh */
    public synchronized double importKWh() {
        return importKWh;
    }

    /** @return every accepted {@code PUT /v1/settings} body, oldest first, with {@code "at"}: the simulator clock's epoch ms */
    public synchronized List<Map<String, Object>> settingsWrites() {
        return List.copyOf(settingsWrites);
    }

    /** @return the OCMF public key, hex */
    public String publicKeyOcmf() {
        return ocmf.publicKeyHex();
    }

    // ---- the API ----------------------------------------------------------------------------------

    synchronized Map<String, Object> status() {
        boolean sync = timeSyncOk();
        Map<String, Object> bits = new LinkedHashMap<>();
        bits.put("suLinkStatusIsOk", true);
        bits.put("muFatalErrorOccured", false);
        bits.put("transactionIsOnGoing", running != null);
        bits.put("tamperingIsDetected", false);
        bits.put("timeSyncStatusIsOk", sync);
        bits.put("overTemperatureIsDetected", false);
        bits.put("reversedVoltage", false);
        bits.put("suMeasureFailureOccurred", false);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("value", 1 + (running != null ? 4 : 0) + (sync ? 16 : 0));
        status.put("bits", bits);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("applicationFirmwareVersion", firmware);
        version.put("applicationFirmwareAuthTag", "A1B2");
        version.put("legalFirmwareVersion", "1.0.0.1");
        version.put("legalFirmwareAuthTag", "C3D4");
        version.put("sensorFirmwareVersion", "1.0.0.2");
        version.put("sensorFirmwareCrc", "E5F6");
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("value", 0);
        errors.put("bits", Map.of("muInitIsFailed", false, "logbookIsFull", false));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("version", version);
        m.put("time", meterTime().toString());
        m.put("ipAddress", "127.0.0.1");
        m.put("meterId", meterId);
        m.put("errors", errors);
        m.put("publicKey", ocmf.publicKeyHex());
        m.put("publicKeyOcmf", ocmf.publicKeyHex());
        m.put("indexOfLastTransaction", finished.size());
        m.put("numberOfStoredTransactions", finished.size());
        return m;
    }

    /** One simulated second: the values move, the registers count. */
    synchronized Map<String, Object> liveMeasure() {
        seconds++;
        double voltage;
        double current;
        if (running != null) {
            powerKW = 48.0 + (seconds % 10) * 0.1;
            voltage = 400.0 + (seconds % 5) * 0.5;
            current = powerKW * 1000 / voltage;
            importKWh += powerKW / 3600;
        } else {
            powerKW = 0;
            voltage = 0.2 + (seconds % 3) * 0.1;
            current = 0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("voltage", round(voltage, 2));
        m.put("current", round(current, 3));
        m.put("power", round(powerKW, 3));
        m.put("temperatureH", 31.5 + (running != null ? 4 : 0));
        m.put("temperatureL", 29.0);
        m.put("energyImportTotal", round(importKWh, 3));
        m.put("energyExportTotal", round(exportKWh, 3));
        m.put("timestamp", LocalDateTime.ofInstant(meterTime(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString());
        return m;
    }

    synchronized Answer start(Map<String, Object> body) {
        String problem = checkStart(body);
        if (problem != null) {
            return Answer.error(400, problem);
        }
        if (running != null) {
            return Answer.error(409, "transaction " + running.id + " is running");
        }
        if (!timeSyncOk()) {
            return Answer.error(409, "the time is not synchronised");
        }
        running = new Transaction(body, meterTime(), importKWh, exportKWh);
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.put("running", true);
        return Answer.json(201, m);
    }

    private static String checkStart(Map<String, Object> body) {
        for (String text : List.of("evseId", "transactionId", "clientId", "userData")) {
            if (!(body.get(text) instanceof String)) {
                return text + " must be a string";
            }
        }
        for (String number : List.of("tariffId", "cableId")) {
            if (!(body.get(number) instanceof Long)) {
                return number + " must be an integer";
            }
        }
        if (((String) body.get("transactionId")).isEmpty()) {
            return "transactionId must not be empty";
        }
        if (((String) body.get("clientId")).length() > 37) {
            return "clientId has more than 37 characters";
        }
        return null;
    }

    synchronized Answer stop(String transactionId, Map<String, Object> body) {
        if (!Boolean.FALSE.equals(body.get("running"))) {
            return Answer.error(400, "the body must be {\"running\": false}");
        }
        if (running == null || !running.id.equals(transactionId)) {
            return Answer.error(404, "no transaction " + transactionId + " is running");
        }
        Transaction t = running;
        running = null;
        powerKW = 0;
        t.stop = meterTime();
        t.importStop = importKWh;
        t.exportStop = exportKWh;
        t.page = ++pagination;
        t.ocmf = ocmf.record(meterId, firmware, t.page, (String) t.request.get("clientId"), List.of(
                OcmfRecords.reading(ocmfTime(t.start), "B", t.importStart), OcmfRecords.reading(ocmfTime(t.stop), "E", t.importStop)));
        finished.add(t);
        return Answer.json(200, stopReply(t));
    }

    private Map<String, Object> stopReply(Transaction t) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("energyUnit", "kWh");
        sample.put("energyImport", round(t.importStop - t.importStart, 3));
        sample.put("energyImportTotalStart", round(t.importStart, 3));
        sample.put("energyImportTotalStop", round(t.importStop, 3));
        sample.put("energyExport", round(t.exportStop - t.exportStart, 3));
        sample.put("energyExportTotalStart", round(t.exportStart, 3));
        sample.put("energyExportTotalStop", round(t.exportStop, 3));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("timestampStart", t.start.toString());
        value.put("timestampStop", t.stop.toString());
        value.put("transactionDuration", Duration.between(t.start, t.stop).toSeconds());
        value.put("intermediateRead", false);
        value.put("transactionStatus", 1 + (timeSyncOk() ? 16 : 0));
        value.put("sampleValue", sample);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paginationCounter", t.page);
        m.put("transactionId", t.id);
        m.put("evseId", t.request.get("evseId"));
        m.put("clientId", t.request.get("clientId"));
        m.put("tariffId", t.request.get("tariffId"));
        m.put("cableSp", Map.of("cableSpName", "2mR_Comp", "cableSpId", 1, "cableSpRes", 2));
        m.put("userData", t.request.get("userData"));
        m.put("meterValue", value);
        m.put("meterId", meterId);
        m.put("signature", ocmf.sign(t.id));
        m.put("publicKey", ocmf.publicKeyHex());
        return m;
    }

    /** The OCMF of the last transaction with that id; while it runs, a record with its begin and the reading so far. */
    synchronized Answer ocmf(String transactionId) {
        if (running != null && running.id.equals(transactionId)) {
            return Answer.text(200, ocmf.record(meterId, firmware, pagination + 1, (String) running.request.get("clientId"), List.of(
                    OcmfRecords.reading(ocmfTime(running.start), "B", running.importStart),
                    OcmfRecords.reading(ocmfTime(meterTime()), "C", importKWh))));
        }
        for (int i = finished.size() - 1; i >= 0; i--) {
            if (finished.get(i).id.equals(transactionId)) {
                return Answer.text(200, finished.get(i).ocmf);
            }
        }
        return Answer.error(404, "no transaction " + transactionId);
    }

    synchronized Answer legal() {
        Transaction t = running != null ? running : finished.isEmpty() ? null : finished.get(finished.size() - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionId", t == null ? "" : t.id);
        m.put("running", running != null);
        return Answer.json(200, m);
    }

    synchronized Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Map.of("utc", meterTime().toString(), "tz", timeZone));
        m.put("ntp", Map.of("servers", ntpServers, "syncPeriod", 120, "ntpActivated", ntpActivated));
        m.put("ocmfId", Map.of("IT", identificationType));
        m.put("http", Map.of("tls_on", tlsOn));
        return m;
    }

    /** Applies settings; refused ({@code result} 0) during a transaction or for a value the meter cannot take. */
    @SuppressWarnings("unchecked")
    synchronized Answer changeSettings(Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("meterId", meterId);
        if (running != null || body.isEmpty()) {
            m.put("result", 0);
            return Answer.json(200, m);
        }
        try {
            for (Map.Entry<String, Object> e : body.entrySet()) {
                Map<String, Object> part = (Map<String, Object>) e.getValue();
                switch (e.getKey()) {
                    case "time" -> {
                        if (part.get("utc") instanceof String utc) {
                            clockOffset = Duration.between(clock.instant(), Instant.parse(utc));
                            timeSetAt = clock.instant();
                        }
                        if (part.get("tz") instanceof String tz) {
                            timeZone = tz;
                        }
                    }
                    case "ntp" -> {
                        ntpServers = (List<Object>) part.get("servers");
                        ntpActivated = Boolean.TRUE.equals(part.get("ntpActivated"));
                    }
                    case "ocmfId" -> identificationType = (Long) part.get("IT");
                    case "http" -> tlsOn = Boolean.TRUE.equals(part.get("tls_on"));
                    default -> throw new IllegalArgumentException(e.getKey());
                }
            }
        } catch (ClassCastException | NullPointerException | IllegalArgumentException | DateTimeParseException e) {
            m.put("result", 0);
            return Answer.json(200, m);
        }
        Map<String, Object> recorded = new LinkedHashMap<>(body);
        recorded.put("at", clock.millis());
        settingsWrites.add(recorded);
        m.put("result", 1);
        return Answer.json(200, m);
    }

    private static String ocmfTime(Instant t) {
        return OCMF_TIME.format(t) + " S";
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
