package org.bemgate.lemdcbm.internal;

import java.util.concurrent.CompletableFuture;

import org.bemgate.lemdcbm.internal.client.MeterException;
import org.bemgate.connector.support.Scheduler;

/**
 * One request and its retries on the connector's thread: {@code 1 + retries} attempts with a pause
 * between them, on HTTP errors and invalid answers alike, as EVerest's driver does. The pause is a
 * scheduled task, never a sleep, so the thread stays free and tests need no waiting.
 */
final class Attempts {

    /** One attempt. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws MeterException, InterruptedException;
    }

    /** Told of each failed attempt, for health and logs. */
    @FunctionalInterface
    interface Failure {
        void failed(int attempt, int attempts, MeterException e);
    }

    private Attempts() {
    }

    /**
     * @return completes with the first good answer, or exceptionally with the last {@link MeterException}
     */
    static <T> CompletableFuture<T> run(Scheduler scheduler, int retries, long delayMillis, Call<T> call, Failure onFailure) {
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.execute(() -> attempt(scheduler, 1, 1 + Math.max(0, retries), delayMillis, call, onFailure, result));
        return result;
    }

    private static <T> void attempt(Scheduler scheduler, int n, int attempts, long delayMillis, Call<T> call, Failure onFailure,
            CompletableFuture<T> result) {
        try {
            result.complete(call.run());
        } catch (MeterException e) {
            onFailure.failed(n, attempts, e);
            if (n >= attempts) {
                result.completeExceptionally(e);
            } else {
                scheduler.schedule(() -> attempt(scheduler, n + 1, attempts, delayMillis, call, onFailure, result), delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(new MeterException("the connector is stopping", 0));
        }
    }
}
