package org.bemgate.ocpp.internal;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bemgate.ocpp.internal.codec.FrameCodec;
import org.bemgate.ocpp.internal.codec.Messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The central system's answers to checked charge-point requests (OCPP 1.6 Core), and the sensor values
 * each request yields. Runs on the connector's scheduler thread; touches only the charge point given.
 */
final class Answers {

    private static final String DEFAULT_MEASURAND = "Energy.Active.Import.Register";
    private static final String DEFAULT_UNIT = "Wh";

    private final Settings settings;
    /**
     * Transaction ids: tenths of seconds since 2024 at start, then counted up, so they stay unique across
     * restarts unless more than ten transactions a second were started on average.
     */
    private final AtomicInteger nextTransactionId;

    Answers(Settings settings, long wallClockNow) {
        this.settings = settings;
        this.nextTransactionId = new AtomicInteger((int) Math.max(1, (wallClockNow - 1_704_067_200_000L) / 100));
    }

    /**
     * @param cp the charge point that asked
     * @param action the checked request's action
     * @param req the checked request
     * @param out collects the sensor values
     * @param now epoch milliseconds
     * @return the confirmation payload
     */
    ObjectNode answer(ChargePoint cp, String action, ObjectNode req, Batch out, long now) {
        ObjectNode conf = FrameCodec.object();
        switch (action) {
            case "BootNotification" -> {
                bootNotification(cp, req, out);
                conf.put("status", "Accepted").put("currentTime", time(now)).put("interval", settings.heartbeatSeconds());
            }
            case "Heartbeat" -> {
                cp.lastHeartbeat = now;
                out.text(Keys.of(cp.id, "Heartbeat"), "alive", "BEMCom: alive at every Heartbeat");
                out.numeric(Keys.of(cp.id, "last_heartbeat"), now, "ms", "Time of the last Heartbeat, epoch ms");
                conf.put("currentTime", time(now));
            }
            case "StatusNotification" -> statusNotification(cp, req, out);
            case "MeterValues" -> meterValues(cp, req.get("connectorId").asInt(), req.get("meterValue"), out);
            case "Authorize" -> {
                out.text(Keys.of(cp.id, "Authorize", "id_tag"), req.get("idTag").asText(), "The last id tag the charge point asked about");
                conf.set("idTagInfo", idTagInfo(req.get("idTag").asText()));
            }
            case "StartTransaction" -> startTransaction(cp, req, conf, out);
            case "StopTransaction" -> stopTransaction(cp, req, conf, out);
            case "DataTransfer" -> {
                out.text(Keys.of(cp.id, "DataTransfer", "vendor_id"), req.get("vendorId").asText(), "Vendor of the last DataTransfer");
                out.text(Keys.of(cp.id, "DataTransfer", "message_id"), text(req, "messageId"), "Message id of the last DataTransfer");
                out.text(Keys.of(cp.id, "DataTransfer", "data"), text(req, "data"), "Data of the last DataTransfer");
                conf.put("status", settings.acceptDataTransfer() ? "Accepted" : "UnknownVendorId");
            }
            case "DiagnosticsStatusNotification", "FirmwareStatusNotification" ->
                out.text(Keys.of(cp.id, action, "status"), req.get("status").asText(), "Status of the last " + action);
            default -> throw new IllegalStateException("no answer for checked action " + action);
        }
        return conf;
    }

    private static void bootNotification(ChargePoint cp, ObjectNode req, Batch out) {
        cp.vendor = req.get("chargePointVendor").asText();
        cp.model = req.get("chargePointModel").asText();
        cp.firmware = text(req, "firmwareVersion");
        Iterator<Map.Entry<String, JsonNode>> fields = req.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.text(Keys.of(cp.id, "BootNotification", Keys.snake(f.getKey())), f.getValue().asText(),
                    "BootNotification " + f.getKey());
        }
    }

    private static void statusNotification(ChargePoint cp, ObjectNode req, Batch out) {
        int connector = req.get("connectorId").asInt();
        String status = req.get("status").asText();
        String error = req.get("errorCode").asText();
        cp.connectorStatus.put(connector, status);
        out.numeric(Keys.of(cp.id, "StatusNotification", "connector_id"), (long) connector, "",
                "BEMCom: connector of the last StatusNotification");
        out.discrete(Keys.of(cp.id, "StatusNotification", "status"), status, Messages.CONNECTOR_STATUS,
                "BEMCom: status of the last StatusNotification");
        out.discrete(Keys.of(cp.id, "StatusNotification", "error_code"), error, Messages.ERROR_CODES,
                "BEMCom: error code of the last StatusNotification");
        out.discrete(Keys.of(cp.id, "StatusNotification", connector, "status"), status, Messages.CONNECTOR_STATUS,
                "Status of connector " + connector + (connector == 0 ? " (the whole charge point)" : ""));
        out.discrete(Keys.of(cp.id, "StatusNotification", connector, "error_code"), error, Messages.ERROR_CODES,
                "Error code of connector " + connector);
    }

    /** Every sampled value; the keys are BEMCom's for connectors 0 and 1, with the connector in front for the others. */
    private static void meterValues(ChargePoint cp, int connector, JsonNode meterValues, Batch out) {
        ChargePoint.Transaction tx = cp.transactions.get(connector);
        for (JsonNode mv : meterValues) {
            for (JsonNode sv : mv.get("sampledValue")) {
                if ("SignedData".equals(text(sv, "format"))) {
                    continue;
                }
                Double value = number(sv.get("value").asText());
                if (value == null) {
                    continue;
                }
                String measurand = sv.has("measurand") ? sv.get("measurand").asText() : DEFAULT_MEASURAND;
                String unit = sv.has("unit") ? sv.get("unit").asText() : DEFAULT_UNIT;
                String phase = text(sv, "phase");
                StringBuilder key = new StringBuilder();
                if (connector > 1) {
                    key.append(connector).append(Keys.SEPARATOR);
                }
                key.append(measurand).append(Keys.SEPARATOR);
                if (!phase.isEmpty()) {
                    key.append(phase).append(Keys.SEPARATOR);
                }
                key.append(unit);
                out.numeric(Keys.of(cp.id, key), value, unit, measurand + (phase.isEmpty() ? "" : " " + phase)
                        + (connector > 1 ? " of connector " + connector : "") + ", from MeterValues");
                if (tx != null && measurand.equals(DEFAULT_MEASURAND) && phase.isEmpty()) {
                    double wh = unit.equals("kWh") ? value * 1000 : value;
                    out.numeric(Keys.of(cp.id, "transaction", connector, "energy"), wh - tx.meterStart(), "Wh",
                            "Energy of the current or last transaction on connector " + connector);
                }
            }
        }
    }

    private void startTransaction(ChargePoint cp, ObjectNode req, ObjectNode conf, Batch out) {
        int connector = req.get("connectorId").asInt();
        String idTag = req.get("idTag").asText();
        long meterStart = req.get("meterStart").asLong();
        int id = nextTransactionId.getAndIncrement();
        cp.transactions.put(connector, new ChargePoint.Transaction(id, connector, idTag, meterStart));
        conf.set("idTagInfo", idTagInfo(idTag));
        conf.put("transactionId", id);
        out.numeric(Keys.of(cp.id, "transaction", connector, "transaction_id"), (long) id, "",
                "Id of the current transaction on connector " + connector + "; null when none");
        out.text(Keys.of(cp.id, "transaction", connector, "id_tag"), idTag, "Id tag of the current or last transaction");
        out.numeric(Keys.of(cp.id, "transaction", connector, "meter_start"), meterStart, "Wh", "Meter at the start of the transaction");
        out.numeric(Keys.of(cp.id, "transaction", connector, "meter_stop"), null, "Wh", "Meter at the end of the last transaction");
        out.numeric(Keys.of(cp.id, "transaction", connector, "energy"), 0.0, "Wh",
                "Energy of the current or last transaction on connector " + connector);
    }

    private void stopTransaction(ChargePoint cp, ObjectNode req, ObjectNode conf, Batch out) {
        int id = req.get("transactionId").asInt();
        long meterStop = req.get("meterStop").asLong();
        if (req.has("idTag")) {
            conf.set("idTagInfo", idTagInfo(req.get("idTag").asText()));
        }
        ChargePoint.Transaction tx = null;
        for (ChargePoint.Transaction t : cp.transactions.values()) {
            if (t.id() == id) {
                tx = t;
            }
        }
        if (tx == null) {
            // unknown (e.g. started before a restart of the gateway): answered all the same, as OCPP requires
            return;
        }
        cp.transactions.remove(tx.connectorId());
        int c = tx.connectorId();
        out.numeric(Keys.of(cp.id, "transaction", c, "transaction_id"), null, "", "Id of the current transaction on connector " + c
                + "; null when none");
        out.numeric(Keys.of(cp.id, "transaction", c, "meter_stop"), meterStop, "Wh", "Meter at the end of the last transaction");
        out.numeric(Keys.of(cp.id, "transaction", c, "energy"), (double) (meterStop - tx.meterStart()), "Wh",
                "Energy of the current or last transaction on connector " + c);
    }

    private ObjectNode idTagInfo(String idTag) {
        boolean ok = settings.acceptAllIdTags() || settings.idTags().contains(idTag);
        return FrameCodec.object().put("status", ok ? "Accepted" : "Invalid");
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode f = node.get(field);
        return f == null ? "" : f.asText();
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<String> triggerable() {
        return Messages.TRIGGERABLE;
    }
}
