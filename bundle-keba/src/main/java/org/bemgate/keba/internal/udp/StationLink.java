package org.bemgate.keba.internal.udp;

import java.io.IOException;

/** One station's use of the shared UDP port: send to it; close to stop receiving its datagrams. */
public interface StationLink extends AutoCloseable {

    /**
     * Sends a command to the station's port 7090 from the shared port.
     *
     * @param command the command's text
     * @throws IOException if the port is not bound or the network refuses the datagram
     */
    void send(String command) throws IOException;

    /** Stops routing the station's datagrams here; the address can be registered again. */
    @Override
    void close();
}
