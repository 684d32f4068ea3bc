package org.bemgate.mqtt.internal.client;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** The buffer of messages while the broker is away, the reconnect pauses, and burst logging. */
public class OfflineBufferTest {

    private static Outgoing m(long seq) {
        return new Outgoing(seq, "t", new byte[0], 0, true);
    }

    @Test
    public void fullBufferDropsTheOldestAndCountsThem() {
        OfflineBuffer b = new OfflineBuffer(3);
        for (long i = 0; i < 5; i++) {
            b.add(m(i));
        }
        assertEquals(2, b.dropped());
        assertEquals(List.of(2L, 3L, 4L), b.drain().stream().map(Outgoing::seq).toList());
        assertEquals(0, b.size());
    }

    @Test
    public void aMessageHandedBackTakesItsOldPlace() {
        OfflineBuffer b = new OfflineBuffer(10);
        b.add(m(5));
        b.add(m(6));
        b.add(m(2)); // failed in flight before 5 and 6 were buffered
        assertEquals(List.of(2L, 5L, 6L), b.drain().stream().map(Outgoing::seq).toList());
    }

    @Test
    public void aBufferOfZeroKeepsNothing() {
        OfflineBuffer b = new OfflineBuffer(0);
        b.add(m(1));
        assertEquals(1, b.dropped());
        assertEquals(0, b.size());
    }

    @Test
    public void pausesDoubleUpToTheLongestAndStartOverAfterSuccess() {
        Backoff b = new Backoff(1000, 5000);
        assertEquals(List.of(1000L, 2000L, 4000L, 5000L, 5000L),
                List.of(b.nextDelay(), b.nextDelay(), b.nextDelay(), b.nextDelay(), b.nextDelay()));
        b.reset();
        assertEquals(1000, b.nextDelay());
    }

    @Test
    public void aBurstIsLoggedOnceAndTheRestCounted() {
        long[] now = { 0 };
        BurstLog log = new BurstLog(org.slf4j.LoggerFactory.getLogger(OfflineBufferTest.class), () -> now[0], 60_000);
        assertEquals(true, log.warn("problem {}", 1));
        assertEquals(false, log.warn("problem {}", 2));
        now[0] = 59_999;
        assertEquals(false, log.warn("problem {}", 3));
        now[0] = 60_000;
        assertEquals(true, log.warn("problem {}", 4));
    }
}
