package org.bemgate.modbus.internal.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits a run of registers or bits into requests the protocol allows, ending each request at a
 * value boundary where one exists: some devices refuse a read that starts or ends inside a value.
 */
final class RequestSplitter {

    private RequestSplitter() {
    }

    /**
     * @param count the length of the run
     * @param max the most per request
     * @param boundary whether a request may end before the given index
     * @return {offset, length} pairs that cover the run in order
     */
    static List<int[]> split(int count, int max, IntPredicate boundary) {
        List<int[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < count) {
            int end = Math.min(count, start + max);
            if (end < count) {
                int cut = end;
                while (cut > start && !boundary.test(cut)) {
                    cut--;
                }
                // No boundary within reach (one value longer than a request): cut anyway, decoding
                // works on the concatenated registers.
                if (cut > start) {
                    end = cut;
                }
            }
            chunks.add(new int[] { start, end - start });
            start = end;
        }
        return chunks;
    }
}
