package org.bemgate.simulators.modbus;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * BEMCom's demo room device: input register 1 is the room temperature, holding register 1 the
 * setpoint, both little-endian half floats; a written setpoint is clipped to 15–30 °C; every second
 * the temperature moves 10 % of the way to the setpoint. Starts at 21.0 °C with setpoint 24.0 °C.
 */
public final class DemoRoom implements AutoCloseable {

    public static final int TEMPERATURE_REGISTER = 1;
    public static final int SETPOINT_REGISTER = 1;
    static final double MIN_SETPOINT = 15.0;
    static final double MAX_SETPOINT = 30.0;

    private final ModbusSimulator simulator;
    private ScheduledExecutorService clock;
    private double temperature = 21.0;
    private double setpoint = 24.0;

    /** A room on a server that is not yet started; see {@link #start()}. */
    public DemoRoom(String host, int port) throws IOException {
        this.simulator = new ModbusSimulator(host, port);
        simulator.onWrite((address, count) -> {
            if (address <= SETPOINT_REGISTER && SETPOINT_REGISTER < address + count) {
                setpointWritten();
            }
        });
        publish();
    }

    /** Listens and starts the one-second clock. */
    public synchronized DemoRoom start() throws IOException {
        simulator.start();
        if (clock == null) {
            clock = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "modbus-sim-" + simulator.port() + "-room-clock");
                t.setDaemon(true);
                return t;
            });
            clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (clock != null) {
            clock.shutdownNow();
            clock = null;
        }
        simulator.close();
    }

    /** One second of the room: the temperature moves 10 % of the way to the setpoint. */
    public synchronized void tick() {
        temperature += (setpoint - temperature) * 0.1;
        publish();
    }

    /** A disturbance, such as an open window: the room is at this temperature now and moves on from it. */
    public synchronized void setTemperature(double celsius) {
        temperature = celsius;
        publish();
    }

    public synchronized double temperature() {
        return temperature;
    }

    public synchronized double setpoint() {
        return setpoint;
    }

    public ModbusSimulator simulator() {
        return simulator;
    }

    private synchronized void setpointWritten() {
        double written = HalfFloats.fromLittleEndianRegister(simulator.bank().holding(SETPOINT_REGISTER));
        setpoint = Double.isNaN(written) ? setpoint : Math.max(MIN_SETPOINT, Math.min(MAX_SETPOINT, written));
        simulator.bank().setHolding(SETPOINT_REGISTER, HalfFloats.toLittleEndianRegister(setpoint));
    }

    private void publish() {
        // The device rounds to one decimal before encoding, as its pymodbus builder does.
        simulator.bank().setInput(TEMPERATURE_REGISTER, HalfFloats.toLittleEndianRegister(Math.round(temperature * 10) / 10.0));
        simulator.bank().setHolding(SETPOINT_REGISTER, HalfFloats.toLittleEndianRegister(setpoint));
    }
}
