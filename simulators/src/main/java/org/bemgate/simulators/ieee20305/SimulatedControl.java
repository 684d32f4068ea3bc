package org.bemgate.simulators.ieee20305;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DERControl (or with no interval, the DefaultDERControl) of the simulated program. Modes by their
 * 2030.5 names: {@code opModConnect}/{@code opModEnergize} Boolean; {@code opModMaxLimW} and
 * {@code opModFixedW} hundredths of a percent; {@code opModTargetW} and the CSIP-AUS
 * {@code opModImpLimW}, {@code opModExpLimW}, {@code opModGenLimW}, {@code opModLoadLimW} watts.
 *
 * @param mrid 32 hex digits
 * @param description text, or null
 * @param creationTime seconds since the epoch
 * @param start interval start, seconds since the epoch
 * @param duration seconds
 * @param cancelled true once the utility cancelled it
 * @param modes the modes, in the order they are written
 */
public record SimulatedControl(String mrid, String description, long creationTime, long start, long duration, boolean cancelled,
        Map<String, Object> modes) {

    /** The modes the simulator can write. */
    public static final java.util.List<String> MODES = java.util.List.of("opModConnect", "opModEnergize", "opModFixedW", "opModMaxLimW",
            "opModTargetW", "opModImpLimW", "opModExpLimW", "opModGenLimW", "opModLoadLimW");

    public SimulatedControl {
        for (String m : modes.keySet()) {
            if (!MODES.contains(m)) {
                throw new IllegalArgumentException("unknown mode " + m + "; known: " + MODES);
            }
        }
        modes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modes));
    }

    /** @return the EventStatus currentStatus at that time: 0 scheduled, 1 active, 2 cancelled */
    int status(long now) {
        return cancelled ? 2 : now >= start && now < start + duration ? 1 : 0;
    }

    void writeBase(ServerXml x) {
        x.open("DERControlBase");
        for (String m : MODES) {
            Object v = modes.get(m);
            if (v == null) {
                continue;
            }
            switch (m) {
                case "opModConnect", "opModEnergize", "opModFixedW", "opModMaxLimW" -> x.el(m, v);
                case "opModTargetW" -> x.power(m, ((Number) v).longValue());
                default -> x.power("csipaus:" + m, ((Number) v).longValue());
            }
        }
        x.close();
    }
}
