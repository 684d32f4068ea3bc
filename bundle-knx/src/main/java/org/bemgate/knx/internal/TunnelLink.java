package org.bemgate.knx.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tuwien.auto.calimero.CloseEvent;
import tuwien.auto.calimero.DetachEvent;
import tuwien.auto.calimero.FrameEvent;
import tuwien.auto.calimero.GroupAddress;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.Priority;
import tuwien.auto.calimero.cemi.CEMILData;
import tuwien.auto.calimero.dptxlator.DPTXlator;
import tuwien.auto.calimero.link.KNXLinkClosedException;
import tuwien.auto.calimero.link.KNXNetworkLink;
import tuwien.auto.calimero.link.KNXNetworkLinkIP;
import tuwien.auto.calimero.link.NetworkLinkListener;
import tuwien.auto.calimero.link.medium.TPSettings;
import tuwien.auto.calimero.process.ProcessCommunicatorImpl;
import tuwien.auto.calimero.process.ProcessEvent;
import tuwien.auto.calimero.process.ProcessListener;

/**
 * One KNXnet/IP tunnelling connection through Calimero: group reads and writes that wait for the
 * gateway's confirmation, and the group values seen on the bus. Calimero keeps the connection alive
 * with a connection-state request every 60 s and closes it when four in a row go unanswered (10 s
 * each), when the gateway disconnects, or when a request is not acknowledged; {@link Events#closed}
 * then tells why.
 *
 * <p>Calimero returns from a send once the gateway's L_Data.con arrives, positive or not, and reports a
 * negative one (the frame did not reach the bus) only to link listeners, on its notifier thread. So each
 * send here waits for that listener's copy of the confirmation and fails on a negative one. Sends are
 * made one at a time, by the connector's thread, so the confirmation that follows is the send's own.
 */
final class TunnelLink implements AutoCloseable {

    /** What the link reports; called on Calimero's receiver thread. */
    interface Events {
        /**
         * A group write or read response on the bus.
         *
         * @param address the 16-bit group address
         * @param asdu the value bytes
         */
        void groupValue(int address, byte[] asdu);

        /** @param reason why the link closed, from Calimero */
        void closed(String reason);
    }

    /** A GroupValueRead: T_Data_Group with APCI 0. */
    private static final byte[] GROUP_READ = { 0x00, 0x00 };
    /** How long the listener's copy of a confirmation may lag behind the send's return. */
    private static final long CONFIRMATION_LAG_MILLIS = 1000;

    /** A confirmation the gateway sent: destination and outcome. */
    private record Confirmation(int address, boolean positive) {
    }

    private final BlockingQueue<Confirmation> confirmations = new LinkedBlockingQueue<>();
    private final KNXNetworkLink link;
    private final ProcessCommunicatorImpl process;

    private TunnelLink(KNXNetworkLink link) throws KNXLinkClosedException {
        this.link = link;
        this.process = new ProcessCommunicatorImpl(link);
    }

    /**
     * Connects; blocks until the gateway answers or Calimero gives up (10 s).
     *
     * @param local the local control and data endpoint
     * @param gateway the gateway's control endpoint
     * @param nat true to ask the gateway to answer where the datagrams come from (NAT mode)
     * @param events where values and the closing go
     * @return the open link
     */
    static TunnelLink open(InetSocketAddress local, InetSocketAddress gateway, boolean nat, Events events)
            throws KNXException, InterruptedException {
        KNXNetworkLink link = KNXNetworkLinkIP.newTunnelingLink(local, gateway, nat, new TPSettings());
        try {
            TunnelLink t = new TunnelLink(link);
            t.listen(events);
            return t;
        } catch (KNXException | RuntimeException e) {
            link.close();
            throw e;
        }
    }

    private void listen(Events events) {
        link.addLinkListener(new NetworkLinkListener() {
            @Override
            public void linkClosed(CloseEvent e) {
                events.closed(e.getReason());
            }

            @Override
            public void confirmation(FrameEvent e) {
                if (e.getFrame() instanceof CEMILData f) {
                    confirmations.add(new Confirmation(f.getDestination().getRawAddress(), f.isPositiveConfirmation()));
                }
            }
        });
        process.addProcessListener(new ProcessListener() {
            @Override
            public void groupWrite(ProcessEvent e) {
                events.groupValue(e.getDestination().getRawAddress(), e.getASDU());
            }

            @Override
            public void groupReadResponse(ProcessEvent e) {
                events.groupValue(e.getDestination().getRawAddress(), e.getASDU());
            }

            @Override
            public void groupReadRequest(ProcessEvent e) {
                // bemgate answers no reads: it owns no group objects
            }

            @Override
            public void detached(DetachEvent e) {
                // only when closing
            }
        });
    }

    /**
     * Sends a GroupValueRead; the answer arrives later as {@link Events#groupValue}.
     *
     * @param address the 16-bit group address
     * @throws KNXException if the gateway does not acknowledge or confirm it, or the link closed
     */
    void read(int address) throws KNXException {
        confirmations.clear();
        link.sendRequestWait(new GroupAddress(address), Priority.LOW, GROUP_READ);
        checkConfirmation(address);
    }

    /**
     * Sends a GroupValueWrite and waits for the gateway's positive confirmation (L_Data.con).
     *
     * @param address the 16-bit group address
     * @param value the value
     * @throws KNXException if the gateway does not acknowledge or confirm it, or the link closed
     */
    void write(int address, DPTXlator value) throws KNXException {
        confirmations.clear();
        process.write(new GroupAddress(address), value);
        checkConfirmation(address);
    }

    private void checkConfirmation(int address) throws KNXException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONFIRMATION_LAG_MILLIS);
        try {
            while (true) {
                Confirmation c = confirmations.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (c == null) {
                    return; // Calimero saw the confirmation; its copy did not come in time: take it as positive
                }
                if (c.address() == address) {
                    if (!c.positive()) {
                        throw new KNXException("negative confirmation: the gateway could not send the frame on the bus");
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KNXException("interrupted waiting for the confirmation");
        }
    }

    /** @return true until the link closed */
    boolean isOpen() {
        return link.isOpen();
    }

    /** Detaches and disconnects; Calimero sends a DISCONNECT_REQUEST. */
    @Override
    public void close() {
        process.detach();
        link.close();
    }
}
