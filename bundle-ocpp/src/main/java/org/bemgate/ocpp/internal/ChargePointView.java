package org.bemgate.ocpp.internal;

import java.util.List;
import java.util.Map;

/** What the shell shows of a charge point: a snapshot. */
record ChargePointView(String id, boolean online, String remote, String vendor, String model, String firmware, long lastHeartbeat,
        long lastMessage, Map<Integer, String> connectorStatus, List<ChargePoint.Transaction> transactions) {
}
