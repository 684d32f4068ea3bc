package org.bemgate.ieee20305.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bemgate.core.api.DataFormat;
import org.bemgate.ieee20305.internal.ControlReader.ProgramView;
import org.bemgate.ieee20305.internal.codec.DerControl;
import org.bemgate.ieee20305.internal.codec.DerControlBase;
import org.bemgate.ieee20305.internal.codec.Power;

/**
 * Which value of each control mode applies at a moment, from the programs' controls: per mode, the
 * active DERControl (not cancelled or superseded, {@code start ≤ now < start + duration}) of the
 * program with the lowest primacy, the most recently created first; else that mode of the first
 * program's DefaultDERControl that sets it; else none. Pure: no I/O, no clock of its own.
 * Randomisation of start and duration is not applied.
 */
final class ActiveLimits {

    /** The modes exposed as datapoints. */
    enum Mode {
        EXPORT_LIMIT("opModExpLimW", "W", "CSIP-AUS export limit at the connection point", b -> watts(b.opModExpLimW())),
        IMPORT_LIMIT("opModImpLimW", "W", "CSIP-AUS import limit at the connection point", b -> watts(b.opModImpLimW())),
        GENERATION_LIMIT("opModGenLimW", "W", "CSIP-AUS generation limit", b -> watts(b.opModGenLimW())),
        LOAD_LIMIT("opModLoadLimW", "W", "CSIP-AUS load limit", b -> watts(b.opModLoadLimW())),
        MAX_LIMIT("opModMaxLimW", "%", "Maximum active power, percent of setMaxW", b -> percent(b.opModMaxLimW())),
        FIXED_W("opModFixedW", "%", "Charge (negative) or discharge setpoint, percent of setMaxW", b -> percent(b.opModFixedW())),
        TARGET_W("opModTargetW", "W", "Target active power", b -> watts(b.opModTargetW())),
        CONNECT("opModConnect", "", "false: the server asks the DER to disconnect; true unless a control says false",
                DerControlBase::opModConnect),
        ENERGIZE("opModEnergize", "", "false: the server asks the DER to de-energize; true unless a control says false",
                DerControlBase::opModEnergize);

        final String key;
        final String unit;
        final String description;
        final Function<DerControlBase, Object> value;

        Mode(String key, String unit, String description, Function<DerControlBase, Object> value) {
            this.key = key;
            this.unit = unit;
            this.description = description;
            this.value = value;
        }

        boolean bool() {
            return this == CONNECT || this == ENERGIZE;
        }

        DataFormat format() {
            return bool() ? DataFormat.BOOL : DataFormat.GENERIC_NUMERIC;
        }

        /** @return the value when nothing sets the mode: no limit, or connected and energized */
        Object unset() {
            return bool() ? Boolean.TRUE : null;
        }
    }

    /**
     * The value of one mode and where it comes from.
     *
     * @param value the value (W, %, Boolean), or the mode's {@link Mode#unset()} value
     * @param source {@code control <mRID>}, {@code default <mRID>} or {@code none}
     * @param startMillis the window's start for a control, null otherwise
     * @param endMillis the window's end (exclusive) for a control, null otherwise
     */
    record Applied(Object value, String source, Long startMillis, Long endMillis) {
    }

    /**
     * Everything at one moment.
     *
     * @param modes every mode
     * @param active the active controls, winner first
     * @param upcoming controls still to start, soonest first
     * @param nextChangeMillis when a control starts or ends next, or null
     */
    record Evaluation(Map<Mode, Applied> modes, List<DerControl> active, List<DerControl> upcoming, Long nextChangeMillis) {
    }

    private record Candidate(int primacy, DerControl control) {
    }

    private ActiveLimits() {
    }

    static Evaluation evaluate(List<ProgramView> programs, long nowMillis) {
        long now = Math.floorDiv(nowMillis, 1000);
        List<Candidate> active = new ArrayList<>();
        List<DerControl> upcoming = new ArrayList<>();
        Long next = null;
        for (ProgramView p : programs) {
            for (DerControl c : p.controls()) {
                if (c.withdrawn()) {
                    continue;
                }
                if (c.start() <= now && now < c.end()) {
                    active.add(new Candidate(p.program().primacy(), c));
                    next = min(next, c.end());
                } else if (c.start() > now) {
                    upcoming.add(c);
                    next = min(next, c.start());
                }
            }
        }
        active.sort(Comparator.comparingInt(Candidate::primacy).thenComparing(c -> -c.control().creationTime())
                .thenComparing(c -> -c.control().start()));
        upcoming.sort(Comparator.comparingLong(DerControl::start));
        List<ProgramView> byPrimacy = new ArrayList<>(programs);
        byPrimacy.sort(Comparator.comparingInt(p -> p.program().primacy()));
        Map<Mode, Applied> modes = new EnumMap<>(Mode.class);
        for (Mode m : Mode.values()) {
            modes.put(m, apply(m, active, byPrimacy));
        }
        return new Evaluation(modes, active.stream().map(Candidate::control).toList(), List.copyOf(upcoming),
                next == null ? null : next * 1000);
    }

    private static Applied apply(Mode m, List<Candidate> active, List<ProgramView> byPrimacy) {
        for (Candidate c : active) {
            Object v = m.value.apply(c.control().base());
            if (v != null) {
                return new Applied(v, "control " + c.control().mrid(), c.control().start() * 1000, c.control().end() * 1000);
            }
        }
        for (ProgramView p : byPrimacy) {
            if (p.defaultControl() != null) {
                Object v = m.value.apply(p.defaultControl().base());
                if (v != null) {
                    return new Applied(v, "default " + p.defaultControl().mrid(), null, null);
                }
            }
        }
        return new Applied(m.unset(), "none", null, null);
    }

    private static Object watts(Power p) {
        return p == null ? null : p.number();
    }

    private static Object percent(Integer hundredths) {
        return hundredths == null ? null : hundredths % 100 == 0 ? (Object) Long.valueOf(hundredths / 100)
                : (Object) Double.valueOf(hundredths / 100.0);
    }

    private static Long min(Long a, long b) {
        return a == null ? b : Math.min(a, b);
    }
}
