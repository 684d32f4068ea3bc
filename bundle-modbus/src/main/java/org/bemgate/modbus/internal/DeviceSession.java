package org.bemgate.modbus.internal;

import java.util.concurrent.TimeUnit;

import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.modbus.internal.codec.ReadRequest;
import org.bemgate.modbus.internal.codec.WriteRequest;

/**
 * The requests of one device with BEMCom's failure policy: each request is attempted up to
 * {@code maxRetries} times with {@code retryWait} in between, and followed by the poll break.
 * Used only from the connector's own thread.
 */
final class DeviceSession {

    /** One request against the link. */
    @FunctionalInterface
    interface Request<T> {
        T send(ModbusLink link) throws ModbusFailure;
    }

    private final ModbusLink link;
    private final HealthTracker health;
    private final int attempts;
    private final long retryWaitMillis;
    private final long pollBreakMillis;

    DeviceSession(ModbusLink link, HealthTracker health, int attempts, long retryWaitMillis, long pollBreakMillis) {
        this.link = link;
        this.health = health;
        this.attempts = Math.max(1, attempts);
        this.retryWaitMillis = Math.max(0, retryWaitMillis);
        this.pollBreakMillis = Math.max(0, pollBreakMillis);
    }

    int[] readRegisters(ReadRequest r) throws ModbusFailure, InterruptedException {
        return send(l -> l.readRegisters(r));
    }

    boolean[] readBits(ReadRequest r) throws ModbusFailure, InterruptedException {
        return send(l -> l.readBits(r));
    }

    void write(WriteRequest w) throws ModbusFailure, InterruptedException {
        send(l -> {
            l.write(w);
            return null;
        });
    }

    void disconnect() {
        link.disconnect();
    }

    private <T> T send(Request<T> request) throws ModbusFailure, InterruptedException {
        ModbusFailure last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            health.increment("requests");
            try {
                T result = request.send(link);
                health.goodExchange();
                pause(pollBreakMillis);
                return result;
            } catch (ModbusFailure f) {
                health.increment(f.deviceAnswered() ? "exceptionResponses" : "failedRequests");
                last = f;
                if (attempt < attempts) {
                    pause(retryWaitMillis);
                }
            }
        }
        throw last;
    }

    private static void pause(long millis) throws InterruptedException {
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }
}
