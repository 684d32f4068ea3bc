package org.bemgate.lemdcbm.internal.codec;

/**
 * What the gateway needs from {@code /v1/status}.
 *
 * @param meterId the meter's id (its serial)
 * @param firmware {@code version.applicationFirmwareVersion}, empty if absent
 * @param publicKeyOcmf the key that verifies its OCMF records, empty if absent
 * @param transactionOngoing {@code status.bits.transactionIsOnGoing}
 * @param timeSyncOk {@code status.bits.timeSyncStatusIsOk}
 */
public record MeterStatus(String meterId, String firmware, String publicKeyOcmf, boolean transactionOngoing, boolean timeSyncOk) {
}
