package org.bemgate.simulators;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.bemgate.simulators.keba.KebaSimulator;
import org.bemgate.simulators.lemdcbm.LemDcbmSimulator;
import org.bemgate.simulators.lemdcbm.Meter;
import org.bemgate.simulators.lemdcbm.MeterCertificate;
import org.bemgate.simulators.modbus.DemoRoom;
import org.bemgate.simulators.modbus.ModbusSimulator;

/**
 * Runs a simulator from the command line until interrupted:
 * {@code java -jar simulators.jar demo-room [--host 127.0.0.1] [--port 5020]}, {@code modbus} for an
 * empty Modbus TCP device, {@code keba} for a KEBA P30 on UDP (answers go to the port it listens on), or
 * {@code lemdcbm} for a LEM DCBM 400/600 on HTTP ({@code lemdcbm-tls}: HTTPS with the simulator's self-signed certificate).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("demo-room", "modbus", "keba", "lemdcbm", "lemdcbm-tls").contains(args[0])) {
            System.err.println("usage: demo-room|modbus|keba|lemdcbm|lemdcbm-tls [--host 127.0.0.1] [--port 5020]");
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
