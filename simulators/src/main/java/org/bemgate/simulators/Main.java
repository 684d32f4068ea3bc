package org.bemgate.simulators;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.bemgate.simulators.ieee20305.Ieee20305Simulator;
import org.bemgate.simulators.ieee20305.SepServerState;
import org.bemgate.simulators.keba.KebaSimulator;
import org.bemgate.simulators.knx.KnxIpSimulator;
import org.bemgate.simulators.lemdcbm.LemDcbmSimulator;
import org.bemgate.simulators.lemdcbm.Meter;
import org.bemgate.simulators.lemdcbm.MeterCertificate;
import org.bemgate.simulators.modbus.DemoRoom;
import org.bemgate.simulators.modbus.ModbusSimulator;
import org.bemgate.simulators.ocpp.OcppLoad;

/**
 * Runs a simulator from the command line until interrupted:
 * {@code java -jar simulators.jar demo-room [--host 127.0.0.1] [--port 5020]}, {@code modbus} for an
 * empty Modbus TCP device, {@code keba} for a KEBA P30 on UDP (answers go to the port it listens on), or
 * {@code lemdcbm} for a LEM DCBM 400/600 on HTTP ({@code lemdcbm-tls}: HTTPS with the simulator's self-signed certificate),
 * {@code knx} for a KNXnet/IP tunnelling gateway on UDP, {@code ieee20305} for a 2030.5 utility server on plain HTTP; {@code ocpp-load} drives simulated OCPP charge points
 * against a central system.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("ocpp-load")) {
            OcppLoad.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 0 || !List.of("demo-room", "modbus", "keba", "lemdcbm", "lemdcbm-tls", "ieee20305", "knx").contains(args[0])) {
            System.err.println("usage: demo-room|modbus|keba|lemdcbm|lemdcbm-tls|ieee20305|knx [--host 127.0.0.1] [--port 5020]\n"
                    + "       ocpp-load ws://127.0.0.1:9000/ocpp [charge points] [...]");
            System.exit(2);
        }
        String host = "127.0.0.1";
        int port = 5020;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        AutoCloseable running;
        if (args[0].equals("demo-room")) {
            running = new DemoRoom(host, port).start();
        } else if (args[0].equals("keba")) {
            running = new KebaSimulator(host, port).replyPort(port).start();
        } else if (args[0].equals("knx")) {
            running = new KnxIpSimulator(host, port).start();
        } else if (args[0].equals("ieee20305")) {
            // plain HTTP; a client names itself with the header x-forwarded-client-cert: <LFDI>
            running = new Ieee20305Simulator(host, port, new SepServerState().acceptAnyAggregator()
                    .defaultControl(Map.of("opModExpLimW", 5000))).start();
        } else if (args[0].startsWith("lemdcbm")) {
            LemDcbmSimulator meter = new LemDcbmSimulator(host, port, new Meter());
            running = (args[0].equals("lemdcbm-tls") ? meter.tls(MeterCertificate.METER) : meter).start();
        } else {
            running = new ModbusSimulator(host, port).start();
        }
        System.out.println(args[0] + " simulator listening on " + host + ":" + port + "; Ctrl-C stops it");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception ignored) {
                // exiting
            }
        }));
        new CountDownLatch(1).await();
    }
}
