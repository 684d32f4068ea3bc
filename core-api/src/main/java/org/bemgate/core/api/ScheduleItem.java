package org.bemgate.core.api;

/**
 * One period of a schedule: the value an actuator should take between two times.
 *
 * @param fromTimestamp start in epoch ms, or null for "applies immediately"
 * @param toTimestamp end in epoch ms, or null for "applies until replaced"
 * @param value the value to write; null means "do not control" as in BEMCom
 */
public record ScheduleItem(Long fromTimestamp, Long toTimestamp, Object value) {
}
