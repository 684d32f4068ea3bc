package org.bemgate.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** Finds one UDP port number free on several loopback addresses, so gateway and stations can share it. */
public final class FreePorts {

    private FreePorts() {
    }

    /** @return a port free on every one of the addresses */
    public static int on(String... hosts) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(hosts[0], 0))) {
                candidate = probe.getLocalPort();
            }
            if (freeOnAll(candidate, hosts)) {
                return candidate;
            }
        }
        throw new IOException("no UDP port free on all of " + String.join(", ", hosts));
    }

    private static boolean freeOnAll(int port, String... hosts) {
        for (String h : hosts) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(h, port))) {
                // free here
            } catch (SocketException e) {
                return false;
            }
        }
        return true;
    }
}
