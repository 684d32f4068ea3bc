package org.bemgate.keba.internal;

import java.util.concurrent.CompletableFuture;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.keba.internal.codec.KebaCommand;

/**
 * One command waiting for its turn or its answer.
 *
 * @param command the command
 * @param outcome for a write, what the caller waits for; null for polls
 * @param probe whether it checks if an OFFLINE station is back
 */
record Exchange(KebaCommand command, CompletableFuture<WriteOutcome> outcome, boolean probe) {

    static Exchange poll(KebaCommand command) {
        return new Exchange(command, null, false);
    }

    static Exchange offlineProbe() {
        return new Exchange(KebaCommand.report(1), null, true);
    }

    static Exchange write(KebaCommand command) {
        return new Exchange(command, new CompletableFuture<>(), false);
    }

    boolean isWrite() {
        return outcome != null;
    }

    /** Completes a write; does nothing for polls. */
    void finish(WriteOutcome result) {
        if (outcome != null) {
            outcome.complete(result);
        }
    }
}
