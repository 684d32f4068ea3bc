package org.bemgate.keba.internal.udp;

import java.net.InetAddress;
import java.util.function.Consumer;

/**
 * The one owner of the KEBA UDP port in the gateway. Stations answer to port 7090 of whoever sent
 * the command, so every station of every KEBA connector sends and receives through this service,
 * and each datagram goes to the station whose address it came from.
 */
public interface KebaPort {

    /**
     * Routes the datagrams from a station's address to a receiver.
     *
     * @param station the station's address
     * @param receiver gets each datagram's text, on the port's receiving thread; must not block
     * @return the link to send to the station
     * @throws IllegalStateException if another station already has that address
     */
    StationLink register(InetAddress station, Consumer<String> receiver);

    /** @return the port number used on both sides */
    int port();
}
