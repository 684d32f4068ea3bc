package org.bemgate.knx.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** Reconnection pauses double up to the ceiling and start again after a success. */
public class BackoffTest {

    @Test
    public void pausesDoubleUpToTheCeilingAndResetAfterSuccess() {
        Backoff b = new Backoff(2000, 120_000);
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            pauses.add(b.next());
        }
        assertEquals(List.of(2000L, 4000L, 8000L, 16_000L, 32_000L, 64_000L, 120_000L, 120_000L, 120_000L), pauses);
        b.reset();
        assertEquals(2000L, b.next());
    }

    @Test
    public void aCeilingBelowTheFirstPauseIsTheFirstPause() {
        Backoff b = new Backoff(5000, 1000);
        assertEquals(5000L, b.next());
        assertEquals(5000L, b.next());
    }
}
