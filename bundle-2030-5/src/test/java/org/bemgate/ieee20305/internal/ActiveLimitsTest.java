package org.bemgate.ieee20305.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.bemgate.ieee20305.internal.ActiveLimits.Evaluation;
import org.bemgate.ieee20305.internal.ActiveLimits.Mode;
import org.bemgate.ieee20305.internal.ControlReader.ProgramView;
import org.bemgate.ieee20305.internal.codec.DefaultDerControl;
import org.bemgate.ieee20305.internal.codec.DerControl;
import org.bemgate.ieee20305.internal.codec.DerControlBase;
import org.bemgate.ieee20305.internal.codec.DerProgram;
import org.bemgate.ieee20305.internal.codec.Power;
import org.junit.Test;

/** Which value applies: windows, primacy, newest first, cancellations, defaults per mode. */
public class ActiveLimitsTest {

    private static DerControlBase export(long w) {
        return new DerControlBase(null, null, null, null, null, null, null, Power.of(w), null, null);
    }

    private static DerControl control(String mrid, long created, int status, long start, long duration, DerControlBase base) {
        return new DerControl(null, mrid, null, created, status, created, false, start, duration, null, null, base);
    }

    private static ProgramView program(int primacy, DerControlBase dflt, DerControl... controls) {
        return new ProgramView(new DerProgram("/p" + primacy, "P" + primacy, null, null, null, null, null, primacy),
                dflt == null ? null : new DefaultDerControl(null, "D" + primacy, null, dflt, null), List.of(controls));
    }

    @Test
    public void theWindowIsStartInclusiveEndExclusive() {
        List<ProgramView> p = List.of(program(1, export(5000), control("A", 1, 0, 100, 50, export(1000))));
        assertEquals(5000L, ActiveLimits.evaluate(p, 99_999).modes().get(Mode.EXPORT_LIMIT).value());
        Evaluation at = ActiveLimits.evaluate(p, 100_000);
        assertEquals(1000L, at.modes().get(Mode.EXPORT_LIMIT).value());
        assertEquals(150_000L, (long) at.modes().get(Mode.EXPORT_LIMIT).endMillis());
        assertEquals(150_000L, (long) at.nextChangeMillis());
        assertEquals(5000L, ActiveLimits.evaluate(p, 150_000).modes().get(Mode.EXPORT_LIMIT).value());
        assertEquals(100_000L, (long) ActiveLimits.evaluate(p, 0).nextChangeMillis());
        assertNull(ActiveLimits.evaluate(p, 150_000).nextChangeMillis());
    }

    @Test
    public void lowerPrimacyWinsThenTheNewestControl() {
        List<ProgramView> p = List.of(program(2, null, control("low", 9, 1, 0, 100, export(300))),
                program(1, null, control("old", 1, 1, 0, 100, export(100)), control("new", 2, 1, 0, 100, export(200))));
        Evaluation e = ActiveLimits.evaluate(p, 50_000);
        assertEquals(200L, e.modes().get(Mode.EXPORT_LIMIT).value());
        assertEquals("control new", e.modes().get(Mode.EXPORT_LIMIT).source());
        assertEquals(List.of("new", "old", "low"), e.active().stream().map(DerControl::mrid).toList());
    }

    @Test
    public void cancelledAndSupersededControlsNeverApply() {
        List<ProgramView> p = List.of(program(1, null, control("c", 1, 2, 0, 100, export(1)), control("s", 1, 4, 0, 100, export(2))));
        assertNull(ActiveLimits.evaluate(p, 50_000).modes().get(Mode.EXPORT_LIMIT).value());
        assertEquals("none", ActiveLimits.evaluate(p, 50_000).modes().get(Mode.EXPORT_LIMIT).source());
    }

    @Test
    public void eachModeFallsBackToTheDefaultOnItsOwn() {
        DerControlBase both = new DerControlBase(false, null, null, 7550, null, null, Power.of(9000), Power.of(5000), null, null);
        List<ProgramView> p = List.of(program(1, both, control("a", 1, 1, 0, 100, export(1000))));
        Evaluation e = ActiveLimits.evaluate(p, 10_000);
        assertEquals(1000L, e.modes().get(Mode.EXPORT_LIMIT).value());
        assertEquals(9000L, e.modes().get(Mode.IMPORT_LIMIT).value());
        assertEquals("default D1", e.modes().get(Mode.IMPORT_LIMIT).source());
        assertEquals(false, e.modes().get(Mode.CONNECT).value());
        assertEquals(true, e.modes().get(Mode.ENERGIZE).value());
        assertEquals(75.5, e.modes().get(Mode.MAX_LIMIT).value());
    }
}
