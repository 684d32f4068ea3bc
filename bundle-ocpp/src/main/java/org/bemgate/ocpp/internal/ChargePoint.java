package org.bemgate.ocpp.internal;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.bemgate.connector.support.Scheduler;
import org.bemgate.ocpp.internal.codec.Frame;
import org.bemgate.ocpp.internal.codec.FrameCodec;
import org.bemgate.ocpp.internal.codec.Messages;
import org.bemgate.ocpp.internal.codec.Violation;
import org.bemgate.ocpp.internal.server.Link;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One charge point as the central system knows it, across reconnects: its current connection, the
 * calls sent to it (one at a time, as OCPP-J requires, each with a timeout), its transactions and
 * what the shell shows. Used on the connector's scheduler thread; the fields the shell reads are
 * volatile or concurrent.
 */
final class ChargePoint {

    /** A call the charge point did not answer properly; the message is the write's reason. */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CallFailed(String message) {
            super(message);
        }
    }

    /** A transaction in progress. */
    record Transaction(int id, int connectorId, String idTag, long meterStart) {
    }

    private record Pending(String uniqueId, String action, ObjectNode payload, CompletableFuture<Frame> answer) {
    }

    private static final int LATE_IDS_KEPT = 32;

    final String id;
    private final Scheduler scheduler;
    private final long callTimeoutMillis;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Set<String> timedOut = new LinkedHashSet<>();
    private Pending inFlight;
    private Scheduler.Timer timer;
    private Link link;

    final Map<Integer, Transaction> transactions = new ConcurrentHashMap<>();
    final Map<Integer, String> connectorStatus = new ConcurrentHashMap<>();
    /** The units its SetChargingProfile takes, once read. */
    Set<String> allowedUnits;
    volatile String remote = "";
    volatile boolean online;
    volatile String vendor = "";
    volatile String model = "";
    volatile String firmware = "";
    volatile long lastHeartbeat;
    volatile long lastMessage;
    volatile long connectedAt;
    boolean actuatorsRegistered;

    ChargePoint(String id, Scheduler scheduler, long callTimeoutMillis) {
        this.id = id;
        this.scheduler = scheduler;
        this.callTimeoutMillis = callTimeoutMillis;
    }

    Link link() {
        return link;
    }

    /** @return the connection it replaces, or null */
    Link attach(Link newLink, long now) {
        Link old = link;
        if (old != null) {
            failAll("the charge point connected again");
        }
        link = newLink;
        remote = newLink.remote();
        online = true;
        connectedAt = now;
        return old;
    }

    void detach(String why) {
        link = null;
        online = false;
        failAll(why);
    }

    int pendingCalls() {
        return queue.size() + (inFlight == null ? 0 : 1);
    }

    /**
     * Sends a call when the one before is answered.
     *
     * @return the CALLRESULT or CALLERROR; fails with {@link CallFailed} on timeout, disconnect or an invalid answer
     */
    CompletableFuture<Frame> call(String action, ObjectNode payload) {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        if (link == null) {
            answer.completeExceptionally(new CallFailed("charge point " + id + " is not connected"));
            return answer;
        }
        queue.add(new Pending(UUID.randomUUID().toString(), action, payload, answer));
        sendNext();
        return answer;
    }

    private void sendNext() {
        if (inFlight != null || queue.isEmpty() || link == null) {
            return;
        }
        Pending p = queue.poll();
        inFlight = p;
        link.send(FrameCodec.call(p.uniqueId(), p.action(), p.payload()));
        timer = scheduler.schedule(() -> timeout(p), callTimeoutMillis);
    }

    private void timeout(Pending p) {
        if (inFlight != p) {
            return;
        }
        inFlight = null;
        remember(p.uniqueId());
        p.answer().completeExceptionally(new CallFailed("timeout: charge point " + id + " did not answer " + p.action() + " within "
                + callTimeoutMillis / 1000.0 + " s"));
        sendNext();
    }

    /**
     * Matches a CALLRESULT or CALLERROR to the call in flight.
     *
     * @return null if it was the answer; else why it is not (late, unknown id), for the counters
     */
    String resolve(Frame answer) {
        Pending p = inFlight;
        if (p == null || !p.uniqueId().equals(answer.uniqueId())) {
            return timedOut.contains(answer.uniqueId()) ? "lateResults" : "unknownResults";
        }
        inFlight = null;
        if (timer != null) {
            timer.cancel();
        }
        if (answer instanceof Frame.CallResult r) {
            Violation v = Messages.checkConfirmation(p.action(), r.payload());
            if (v != null) {
                p.answer().completeExceptionally(new CallFailed("charge point " + id + " answered " + p.action()
                        + " with an invalid confirmation: " + v.describe()));
                sendNext();
                return null;
            }
        }
        p.answer().complete(answer);
        sendNext();
        return null;
    }

    private void failAll(String why) {
        if (timer != null) {
            timer.cancel();
        }
        Pending p = inFlight;
        inFlight = null;
        if (p != null) {
            remember(p.uniqueId());
            p.answer().completeExceptionally(new CallFailed("charge point " + id + ": " + why + " before answering " + p.action()));
        }
        while (!queue.isEmpty()) {
            Pending q = queue.poll();
            q.answer().completeExceptionally(new CallFailed("charge point " + id + ": " + why + " before " + q.action() + " was sent"));
        }
    }

    private void remember(String uniqueId) {
        timedOut.add(uniqueId);
        if (timedOut.size() > LATE_IDS_KEPT) {
            timedOut.remove(timedOut.iterator().next());
        }
    }

    /** Fails every call without touching the connection; for a connector that is stopping. */
    void abandon(String why) {
        failAll(why);
    }
}
