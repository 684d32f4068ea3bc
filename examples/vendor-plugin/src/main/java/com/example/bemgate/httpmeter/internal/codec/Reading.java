package com.example.bemgate.httpmeter.internal.codec;

/**
 * One answer of {@code GET /api/v1/reading}.
 *
 * @param power active power in W
 * @param energy energy drawn in Wh
 * @param voltage voltage in V
 * @param relay true while the relay is closed
 */
public record Reading(double power, double energy, double voltage, boolean relay) {
}
