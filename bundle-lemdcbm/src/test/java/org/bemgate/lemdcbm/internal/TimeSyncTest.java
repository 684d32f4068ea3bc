package org.bemgate.lemdcbm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The time-sync rules on a plain number clock. */
public class TimeSyncTest {

    private static final long T0 = 5_000;

    @Test
    public void nothingInTheFirstTwoMinutes() {
        TimeSync s = new TimeSync(T0, false);
        assertFalse(s.settingsAllowed(T0 + 119_999));
        assertFalse(s.due(T0 + 119_999));
        assertFalse(s.beforeStart(T0 + 119_999));
        assertTrue(s.due(T0 + 120_000));
        assertTrue(s.beforeStart(T0 + 120_000));
    }

    @Test
    public void withoutNtpEveryDayAfterASuccessAndEveryMinuteAfterAFailure() {
        TimeSync s = new TimeSync(T0, false);
        long now = T0 + 120_000;
        s.failed(now);
        assertFalse(s.due(now + 59_999));
        assertTrue(s.due(now + 60_000));
        now += 60_000;
        s.succeeded(now);
        assertEquals(now + 86_400_000, s.nextDue());
        assertFalse(s.due(now + 86_399_999));
        assertTrue(s.due(now + 86_400_000));
        assertTrue("before every start, whatever the schedule", s.beforeStart(now + 1));
    }

    @Test
    public void withNtpOnceUntilItWorksAndNeverBeforeAStart() {
        TimeSync s = new TimeSync(T0, true);
        long now = T0 + 120_000;
        assertTrue(s.due(now));
        assertFalse(s.beforeStart(now));
        s.failed(now);
        assertTrue(s.due(now + 60_000));
        s.succeeded(now + 60_000);
        assertFalse(s.due(now + 10 * 86_400_000L));
        assertEquals(Long.MAX_VALUE, s.nextDue());
    }
}
