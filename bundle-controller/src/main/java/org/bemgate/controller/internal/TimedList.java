package org.bemgate.controller.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The items of one setpoint or schedule message and when it arrived: which item is active at a
 * time, and when that can next change.
 *
 * <p>An item applies at {@code t} when ({@code from} is null or {@code from <= t}) and ({@code to} is
 * null or {@code t < to}). Among those that apply, the one that started last wins, counting its start
 * as no earlier than the message's arrival; on a tie, the one BEMCom sorts last. That is the item
 * BEMCom's controller holds while no item has ended; unlike BEMCom, items end.
 */
final class TimedList<T> {

    /** BEMCom's sort key: items without a start first; then those with an end; then by start. */
    private static final Comparator<Bounds> BEMCOM_ORDER = Comparator
            .<Bounds, Boolean>comparing(b -> b.from != null)
            .thenComparing(b -> b.to == null)
            .thenComparing(b -> b.from == null ? Long.MIN_VALUE : b.from);

    private record Bounds(Long from, Long to, int index) {
    }

    private final List<T> items;
    private final List<Bounds> bounds;
    private final long received;

    /**
     * @param items the message's items; those already ended at {@code received} are dropped
     * @param from an item's start, or null
     * @param to an item's end, or null
     * @param received when the message arrived
     */
    TimedList(List<T> items, Function<T, Long> from, Function<T, Long> to, long received) {
        List<T> kept = new ArrayList<>();
        List<Bounds> b = new ArrayList<>();
        for (T item : items) {
            Long end = to.apply(item);
            if (end != null && end <= received) {
                continue;
            }
            b.add(new Bounds(from.apply(item), end, kept.size()));
            kept.add(item);
        }
        b.sort(BEMCOM_ORDER);
        this.items = List.copyOf(kept);
        this.bounds = List.copyOf(b);
        this.received = received;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** @return the item active at {@code t}, or null */
    T activeAt(long t) {
        Bounds best = null;
        long bestStart = Long.MIN_VALUE;
        for (Bounds b : bounds) {
            boolean applies = (b.from == null || b.from <= t) && (b.to == null || t < b.to);
            if (!applies) {
                continue;
            }
            long start = Math.max(b.from == null ? received : b.from, received);
            // >= : later in BEMCom's order wins a tie
            if (best == null || start >= bestStart) {
                best = b;
                bestStart = start;
            }
        }
        return best == null ? null : items.get(best.index);
    }

    /** @return the first start or end after {@code t}, or {@link Long#MAX_VALUE} */
    long nextChangeAfter(long t) {
        long next = Long.MAX_VALUE;
        for (Bounds b : bounds) {
            if (b.from != null && b.from > t) {
                next = Math.min(next, b.from);
            }
            if (b.to != null && b.to > t) {
                next = Math.min(next, b.to);
            }
        }
        return next;
    }
}
