package org.bemgate.keba.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bemgate.core.api.WriteOutcome;
import org.bemgate.core.api.connector.ConnectorStatus;
import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.keba.internal.codec.KebaCommand;
import org.bemgate.keba.internal.codec.KebaReply;
import org.bemgate.keba.internal.codec.ReplyParser;
import org.bemgate.keba.internal.udp.KebaPort;
import org.bemgate.keba.internal.udp.StationLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bemgate.connector.support.Scheduler;

/**
 * One charging station: polls reports 1, 2 and 3, sends writes ahead of polls, one command at a
 * time and no faster than the {@link CommandGate} allows, matches the answers, and keeps the
 * station's status.
 *
 * <p>{@code maxTimeouts} unanswered commands in a row make it {@code OFFLINE}: queued writes fail,
 * polling stops, and {@code report 1} is tried after a pause that doubles up to 5 minutes; the
 * first answer brings it back. A station that answers some reports but never others stays in
 * service, {@code DEGRADED} (see {@link ReportTracker}).
 *
 * <p>Everything but {@link #submit} runs on the connector's {@link Scheduler} thread.
 */
final class Station {

    /**
     * @param pollMillis time between the starts of two polls
     * @param timeoutMillis how long to wait for an answer
     * @param maxTimeouts unanswered commands in a row before the station is OFFLINE
     */
    record Settings(long pollMillis, long timeoutMillis, int maxTimeouts) {
    }

    static final long MAX_BACKOFF_MILLIS = 300_000;
    private static final Logger LOG = LoggerFactory.getLogger(Station.class);

    private final String connector;
    private final String name;
    private final String host;
    private final Settings settings;
    private final Scheduler scheduler;
    private final KebaPort port;
    private final StationEvents events;
    private final HealthTracker counters;
    private final CommandGate gate = new CommandGate();
    private final Deque<Exchange> writes = new ArrayDeque<>();
    private final List<Exchange> polls = new ArrayList<>();
    private final ReportTracker reports = new ReportTracker();
    private StationLink link;
    private Exchange inFlight;
    private Scheduler.Timer answerTimer;
    private Scheduler.Timer pumpTimer;
    private Scheduler.Timer pollTimer;
    private Scheduler.Timer retryTimer;
    private int timeoutsInRow;
    private long backoffMillis;
    private boolean garbledBurst;
    private boolean closed;
    private volatile boolean phaseSwitching;
    private volatile ConnectorStatus status = ConnectorStatus.STARTING;
    private volatile String reason = "not polled yet";

    Station(String connector, String name, String host, Settings settings, Scheduler scheduler, KebaPort port,
            StationEvents events, HealthTracker counters) {
        this.connector = connector;
        this.name = name;
        this.host = host;
        this.settings = settings;
        this.scheduler = scheduler;
        this.port = port;
        this.events = events;
        this.counters = counters;
    }

    /** Resolves the address, joins the port and starts polling, all on the scheduler. */
    void start() {
        scheduler.execute(this::connect);
    }

    /**
     * Queues a write ahead of the polls; callable from any thread.
     *
     * @param command a checked command
     * @return the station's answer: accepted on {@code TCH-OK}, rejected on {@code TCH-ERR}, failed without answer
     */
    CompletableFuture<WriteOutcome> submit(KebaCommand command) {
        Exchange write = Exchange.write(command);
        scheduler.execute(() -> enqueueWrite(write));
        return write.outcome();
    }

    /** Fails what waits and leaves the port; call after the scheduler has stopped. */
    void close() {
        closed = true;
        cancelTimers();
        Exchange waiting = inFlight;
        inFlight = null;
        if (waiting != null) {
            waiting.finish(WriteOutcome.failed("the connector stopped before station '" + name + "' answered"));
        }
        failWrites("the connector " + connector + " stopped");
        polls.clear();
        if (link != null) {
            link.close();
        }
    }

    String name() {
        return name;
    }

    String host() {
        return host;
    }

    ConnectorStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }

    boolean phaseSwitching() {
        return phaseSwitching;
    }

    // ---- connecting and polling ----------------------------------------------------------------

    private void connect() {
        if (closed) {
            return;
        }
        InetAddress address;
        try {
            // may ask DNS: on the scheduler thread, never in activation
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            retryLater(this::connect, "host: cannot resolve '" + host + "'");
            return;
        }
        try {
            link = port.register(address, text -> scheduler.execute(() -> received(text)));
        } catch (IllegalStateException e) {
            change(ConnectorStatus.FAILED, "host: " + e.getMessage());
            return;
        }
        backoffMillis = 0;
        change(ConnectorStatus.STARTING, "waiting for the first answer");
        poll();
    }

    private void poll() {
        if (closed || status == ConnectorStatus.OFFLINE) {
            return;
        }
        for (int r : reports.nextPoll()) {
            enqueuePoll(KebaCommand.report(r));
        }
        pollTimer = scheduler.schedule(this::poll, settings.pollMillis());
        pump();
    }

    private void enqueuePoll(KebaCommand report) {
        boolean waiting = (inFlight != null && inFlight.command().equals(report))
                || polls.stream().anyMatch(p -> p.command().equals(report));
        if (!waiting) {
            polls.add(Exchange.poll(report));
        }
    }

    private void enqueueWrite(Exchange write) {
        if (closed) {
            write.finish(WriteOutcome.failed("the connector " + connector + " is stopping"));
        } else if (status == ConnectorStatus.OFFLINE || status == ConnectorStatus.FAILED) {
            write.finish(WriteOutcome.failed("station '" + name + "' is " + status + ": " + reason));
        } else {
            writes.add(write);
            pump();
        }
    }

    // ---- sending, one command at a time --------------------------------------------------------

    /** Sends the next command if the line is free and the timing rules allow it, else waits for the moment they do. */
    private void pump() {
        if (closed || link == null || inFlight != null) {
            return;
        }
        // Writes go first and in order; polls may overtake each other, whichever the gate lets out first.
        Exchange next = writes.isEmpty() ? soonestPoll() : writes.peek();
        if (next == null) {
            return;
        }
        cancel(pumpTimer);
        long now = scheduler.now();
        long at = gate.earliest(next.command());
        if (at > now) {
            pumpTimer = scheduler.schedule(this::pump, at - now);
            return;
        }
        if (next.isWrite()) {
            writes.poll();
        } else {
            polls.remove(next);
        }
        send(next, now);
    }

    /** The poll the gate lets out first; among equals the one queued longest, so none starves. */
    private Exchange soonestPoll() {
        Exchange soonest = null;
        for (Exchange p : polls) {
            if (soonest == null || gate.earliest(p.command()) < gate.earliest(soonest.command())) {
                soonest = p;
            }
        }
        return soonest;
    }

    private void send(Exchange exchange, long now) {
        inFlight = exchange;
        gate.sent(exchange.command(), now);
        counters.increment("commands");
        try {
            link.send(exchange.command().text());
        } catch (IOException e) {
            inFlight = null;
            unanswered(exchange, "cannot send '" + exchange.command() + "': " + e.getMessage());
            return;
        }
        answerTimer = scheduler.schedule(() -> timedOut(exchange), settings.timeoutMillis());
    }

    private void timedOut(Exchange exchange) {
        if (inFlight != exchange) {
            return;
        }
        inFlight = null;
        counters.increment("timeouts");
        unanswered(exchange, "no answer to '" + exchange.command() + "' within " + seconds(settings.timeoutMillis()) + " s");
    }

    private void unanswered(Exchange exchange, String why) {
        timeoutsInRow++;
        if (exchange.command().isReport()) {
            reports.missed(exchange.command().report());
        }
        exchange.finish(WriteOutcome.failed("station '" + name + "': " + why));
        if (exchange.probe() && status == ConnectorStatus.OFFLINE) {
            retryLater(this::probe, offlineReason(why));
        } else if (timeoutsInRow >= settings.maxTimeouts()) {
            goOffline(why);
        } else {
            updateStatus();
            pump();
        }
    }

    // ---- what comes back -----------------------------------------------------------------------

    private void received(String text) {
        if (closed) {
            return;
        }
        KebaReply reply = ReplyParser.parse(text);
        if (reply instanceof KebaReply.Garbled g) {
            garbled(g.problem(), g.text());
            return;
        }
        garbledBurst = false;
        if (reply instanceof KebaReply.Report r) {
            report(r);
        } else if (reply instanceof KebaReply.StateMessage m) {
            stateMessage(m);
        } else if (reply instanceof KebaReply.Ack a) {
            ack(a);
        }
    }

    private void report(KebaReply.Report report) {
        int n;
        try {
            n = Integer.parseInt(report.id());
        } catch (NumberFormatException e) {
            garbled("a report with ID '" + report.id() + "', which is no report number", report.fields().toString());
            return;
        }
        if (n == 2 && !phaseSwitching && report.fields().containsKey("X2 phaseSwitch")) {
            phaseSwitching = true;
            events.phaseSwitchingFound(this);
        }
        events.report(this, n, report.fields());
        Exchange waiting = inFlight;
        if (waiting != null && waiting.command().report() == n) {
            answered(waiting, WriteOutcome.accepted());
        } else {
            // A late answer, or one to another client: the station is alive all the same.
            heardFrom();
        }
    }

    private void stateMessage(KebaReply.StateMessage message) {
        counters.increment("stateMessages");
        Exchange waiting = inFlight;
        if (waiting != null && waiting.command().verb().equals("start") && message.fields().containsKey("RFID tag")) {
            // Firmware of the V2.00 guide answers start by echoing the tag instead of TCH-OK.
            answered(waiting, WriteOutcome.accepted());
            return;
        }
        events.stateMessage(this, message.fields());
    }

    private void ack(KebaReply.Ack ack) {
        Exchange waiting = inFlight;
        if (waiting == null || waiting.command().isReport()) {
            LOG.debug("KEBA station '{}' of {}: '{}' while no set command waits for it; ignored", name, connector, ack.text());
            return;
        }
        answered(waiting, ack.ok() ? WriteOutcome.accepted()
                : WriteOutcome.rejected("station '" + name + "' answered '" + ack.text() + "' to '" + waiting.command() + "'"));
    }

    private void answered(Exchange exchange, WriteOutcome outcome) {
        cancel(answerTimer);
        inFlight = null;
        if (exchange.command().isReport()) {
            reports.answered(exchange.command().report());
        }
        exchange.finish(outcome);
        if (exchange.isWrite() && outcome.isAccepted()) {
            // TCH-OK only confirms receipt: report 2 shows what the station made of it.
            enqueuePoll(KebaCommand.report(2));
        }
        heardFrom();
        pump();
    }

    private void heardFrom() {
        timeoutsInRow = 0;
        counters.goodExchange();
        if (status == ConnectorStatus.OFFLINE) {
            cancel(retryTimer);
            reports.forget();
            polls.removeIf(Exchange::probe);
            change(ConnectorStatus.ONLINE, "");
            poll();
        } else {
            updateStatus();
        }
    }

    private void garbled(String problem, String text) {
        counters.increment("garbledDatagrams");
        if (!garbledBurst) {
            garbledBurst = true;
            LOG.warn("KEBA station '{}' ({}) of {} sent {}: '{}'. Ignored; more of them are only counted (garbledDatagrams) "
                    + "until a good one arrives", name, host, connector, problem, text);
        }
    }

    // ---- status --------------------------------------------------------------------------------

    private void goOffline(String why) {
        cancel(pollTimer);
        cancel(pumpTimer);
        failWrites("station '" + name + "' is OFFLINE: " + why);
        polls.clear();
        backoffMillis = 0;
        retryLater(this::probe, offlineReason(why));
    }

    private String offlineReason(String why) {
        return "no answer to " + ReportTracker.commands(timeoutsInRow) + " in a row (last: " + why + "); check that it is powered and "
                + "reachable and UDP " + port.port() + " is not blocked";
    }

    private void probe() {
        if (!closed) {
            polls.add(Exchange.offlineProbe());
            pump();
        }
    }

    /** OFFLINE now, another attempt after a pause that starts at the poll interval and doubles up to 5 minutes. */
    private void retryLater(Runnable attempt, String why) {
        long cap = Math.max(MAX_BACKOFF_MILLIS, settings.pollMillis());
        backoffMillis = backoffMillis == 0 ? settings.pollMillis() : Math.min(cap, backoffMillis * 2);
        change(ConnectorStatus.OFFLINE, why + "; next attempt in " + seconds(backoffMillis) + " s");
        retryTimer = scheduler.schedule(attempt, backoffMillis);
    }

    private void updateStatus() {
        if (status != ConnectorStatus.OFFLINE && status != ConnectorStatus.FAILED) {
            String problem = reports.problem(timeoutsInRow, settings.maxTimeouts());
            change(problem == null ? ConnectorStatus.ONLINE : ConnectorStatus.DEGRADED, problem == null ? "" : problem);
        }
    }

    private void change(ConnectorStatus newStatus, String newReason) {
        if (newStatus == status && newReason.equals(reason)) {
            return;
        }
        status = newStatus;
        reason = newReason;
        events.statusChanged(this);
    }

    private void failWrites(String why) {
        for (Exchange w : writes) {
            w.finish(WriteOutcome.failed(why));
        }
        writes.clear();
    }

    private void cancelTimers() {
        cancel(answerTimer);
        cancel(pumpTimer);
        cancel(pollTimer);
        cancel(retryTimer);
    }

    private static void cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
