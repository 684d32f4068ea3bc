package org.bemgate.simulators.knx;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One KNXnet/IP datagram: a 6-byte header (header length 6, protocol version 0x10, service type,
 * total length) and the service's body. The service types and status codes the simulator uses are
 * constants here.
 *
 * @param serviceType such as {@link #CONNECT_REQUEST}
 * @param body the bytes after the header
 */
public record KnxNetIpPacket(int serviceType, byte[] body) {

    public static final int SEARCH_REQUEST = 0x0201;
    public static final int SEARCH_RESPONSE = 0x0202;
    public static final int DESCRIPTION_REQUEST = 0x0203;
    public static final int DESCRIPTION_RESPONSE = 0x0204;
    public static final int CONNECT_REQUEST = 0x0205;
    public static final int CONNECT_RESPONSE = 0x0206;
    public static final int CONNECTIONSTATE_REQUEST = 0x0207;
    public static final int CONNECTIONSTATE_RESPONSE = 0x0208;
    public static final int DISCONNECT_REQUEST = 0x0209;
    public static final int DISCONNECT_RESPONSE = 0x020A;
    public static final int DEVICE_CONFIGURATION_REQUEST = 0x0310;
    public static final int DEVICE_CONFIGURATION_ACK = 0x0311;
    public static final int TUNNELLING_REQUEST = 0x0420;
    public static final int TUNNELLING_ACK = 0x0421;

    /** Status: all well. */
    public static final int E_NO_ERROR = 0x00;
    /** Status: the server knows no connection with this channel id. */
    public static final int E_CONNECTION_ID = 0x21;
    /** Status: the server does not offer this connection type. */
    public static final int E_CONNECTION_TYPE = 0x22;
    /** Status: the server has no free tunnel. */
    public static final int E_NO_MORE_CONNECTIONS = 0x24;
    /** Status: the server does not offer this tunnelling layer. */
    public static final int E_TUNNELLING_LAYER = 0x29;

    /** Copies the body. */
    public KnxNetIpPacket {
        body = body.clone();
    }

    /**
     * Reads a datagram.
     *
     * @param b the buffer
     * @param len the datagram's length
     * @return the packet
     * @throws IllegalArgumentException if the header is not KNXnet/IP 1.0 or the lengths disagree
     */
    public static KnxNetIpPacket parse(byte[] b, int len) {
        if (len < 6 || b[0] != 0x06 || b[1] != 0x10) {
            throw new IllegalArgumentException("not a KNXnet/IP 1.0 header");
        }
        int total = (b[4] & 0xFF) << 8 | b[5] & 0xFF;
        if (total != len) {
            throw new IllegalArgumentException("header says " + total + " bytes, datagram has " + len);
        }
        return new KnxNetIpPacket((b[2] & 0xFF) << 8 | b[3] & 0xFF, Arrays.copyOfRange(b, 6, len));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the datagram's bytes */
    public byte[] toBytes() {
        byte[] out = new byte[6 + body.length];
        out[0] = 0x06;
        out[1] = 0x10;
        out[2] = (byte) (serviceType >> 8);
        out[3] = (byte) serviceType;
        out[4] = (byte) (out.length >> 8);
        out[5] = (byte) out.length;
        System.arraycopy(body, 0, out, 6, body.length);
        return out;
    }

    /**
     * @param endpoint an IPv4 UDP endpoint
     * @return its host protocol address information (HPAI), 8 bytes
     */
    public static byte[] hpai(InetSocketAddress endpoint) {
        byte[] ip = endpoint.getAddress().getAddress();
        return new byte[] { 0x08, 0x01, ip[0], ip[1], ip[2], ip[3], (byte) (endpoint.getPort() >> 8), (byte) endpoint.getPort() };
    }

    /**
     * Reads an HPAI. An HPAI of 0.0.0.0:0 (a client behind NAT) means "answer where the datagram came from".
     *
     * @param b the bytes
     * @param off where the HPAI starts
     * @param sender where the datagram came from
     * @return the endpoint to answer
     */
    public static InetSocketAddress endpoint(byte[] b, int off, InetSocketAddress sender) {
        if (off + 8 > b.length || b[off] != 0x08) {
            throw new IllegalArgumentException("HPAI missing or not 8 bytes long");
        }
        if (b[off + 1] != 0x01) {
            throw new IllegalArgumentException("HPAI protocol " + b[off + 1] + " is not UDP");
        }
        int port = (b[off + 6] & 0xFF) << 8 | b[off + 7] & 0xFF;
        byte[] ip = Arrays.copyOfRange(b, off + 2, off + 6);
        if (port == 0 || Arrays.equals(ip, new byte[4])) {
            return sender;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("HPAI address", e);
        }
    }

    @Override
    public String toString() {
        return String.format("KNXnet/IP 0x%04X (%d bytes)", serviceType, body.length);
    }
}
