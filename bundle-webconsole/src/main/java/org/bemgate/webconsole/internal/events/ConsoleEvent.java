package org.bemgate.webconsole.internal.events;

import java.util.Map;

/**
 * One event of the live stream.
 *
 * @param type {@code value}, {@code setpoint}, {@code schedule}, {@code metadata}, {@code activation},
 *        {@code removed}, {@code health}, {@code bundle} or {@code hello}
 * @param id the datapoint id for datapoint events, else null (filters by pattern use it)
 * @param json the JSON object sent to clients; includes {@code type}
 */
public record ConsoleEvent(String type, String id, Map<String, Object> json) {
}
