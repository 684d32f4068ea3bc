package org.bemgate.ocpp.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.bemgate.ocpp.internal.codec.FrameCodec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A constant limit as a TxDefaultProfile for all connectors (device-protocols.md C.4), in a unit the
 * charge point takes: its {@code ChargingScheduleAllowedChargingRateUnit} is {@code Current},
 * {@code Power} or {@code Current,Power}; a limit in the other unit is converted with the nominal
 * voltage and phases. Pure.
 */
final class ChargingLimits {

    /** The configuration key that says which units a charge point takes. */
    static final String ALLOWED_UNIT_KEY = "ChargingScheduleAllowedChargingRateUnit";

    private ChargingLimits() {
    }

    /** @return {@code A} and/or {@code W}; both when the value is missing or says neither */
    static Set<String> allowedUnits(String configValue) {
        Set<String> units = new LinkedHashSet<>();
        if (configValue != null) {
            for (String part : configValue.split("[,;\\s]+")) {
                if (part.equalsIgnoreCase("Current") || part.equals("A")) {
                    units.add("A");
                } else if (part.equalsIgnoreCase("Power") || part.equals("W")) {
                    units.add("W");
                }
            }
        }
        return units.isEmpty() ? Set.of("A", "W") : units;
    }

    /**
     * @param limit what was written
     * @param allowed the units the charge point takes
     * @param voltage nominal phase voltage
     * @param phases phases in use
     * @return the SetChargingProfile payload
     */
    static ObjectNode setChargingProfile(Actuator.Command.Limit limit, Set<String> allowed, double voltage, int phases) {
        String unit = limit.unit();
        double value = limit.value();
        if (!allowed.contains(unit)) {
            unit = unit.equals("W") ? "A" : "W";
            value = unit.equals("A") ? value / (voltage * phases) : value * voltage * phases;
        }
        // OCPP wants a multiple of 0.1; rounding down never exceeds what was asked for.
        double tenths = Math.floor(value * 10 + 1e-9) / 10;
        ObjectNode p = FrameCodec.object().put("connectorId", 0);
        ObjectNode profile = p.putObject("csChargingProfiles");
        profile.put("chargingProfileId", Actuator.PROFILE_ID).put("stackLevel", 0).put("chargingProfilePurpose", "TxDefaultProfile")
                .put("chargingProfileKind", "Relative");
        ObjectNode schedule = profile.putObject("chargingSchedule").put("chargingRateUnit", unit);
        schedule.putArray("chargingSchedulePeriod").addObject().put("startPeriod", 0).put("limit", tenths);
        return p;
    }
}
