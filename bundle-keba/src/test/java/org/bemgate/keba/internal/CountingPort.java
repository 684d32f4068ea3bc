package org.bemgate.keba.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.bemgate.keba.internal.udp.KebaPort;
import org.bemgate.keba.internal.udp.StationLink;
import org.bemgate.testsupport.VirtualTime;

/**
 * The real port with counters around it, so a test knows when every datagram on loopback has
 * arrived, and a log of what was sent at which virtual time, to check the timing rules.
 */
final class CountingPort implements KebaPort {

    /** One command as it left. */
    record Sent(long at, InetAddress to, String text) {
    }

    private final KebaPort real;
    private final VirtualTime time;
    private final Map<InetAddress, AtomicLong> sentTo = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicLong> receivedFrom = new ConcurrentHashMap<>();
    private final List<Sent> log = new ArrayList<>();

    CountingPort(KebaPort real, VirtualTime time) {
        this.real = real;
        this.time = time;
    }

    @Override
    public StationLink register(InetAddress station, Consumer<String> receiver) {
        AtomicLong in = receivedFrom.computeIfAbsent(station, a -> new AtomicLong());
        AtomicLong out = sentTo.computeIfAbsent(station, a -> new AtomicLong());
        StationLink link = real.register(station, text -> {
            receiver.accept(text);
            // counted after the hand-over, so a matching count means the task is queued
            in.incrementAndGet();
        });
        return new StationLink() {
            @Override
            public void send(String command) throws IOException {
                synchronized (log) {
                    log.add(new Sent(time.now(), station, command));
                }
                out.incrementAndGet();
                try {
                    link.send(command);
                } catch (IOException e) {
                    out.decrementAndGet();
                    throw e;
                }
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }

    @Override
    public int port() {
        return real.port();
    }

    long sentTo(InetAddress a) {
        AtomicLong n = sentTo.get(a);
        return n == null ? 0 : n.get();
    }

    long receivedFrom(InetAddress a) {
        AtomicLong n = receivedFrom.get(a);
        return n == null ? 0 : n.get();
    }

    /** @return every command sent to that address, in order */
    List<Sent> sent(InetAddress to) {
        synchronized (log) {
            return log.stream().filter(s -> s.to().equals(to)).toList();
        }
    }
}
