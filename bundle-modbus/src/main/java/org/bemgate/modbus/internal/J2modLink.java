package org.bemgate.modbus.internal;

import org.bemgate.modbus.internal.codec.ReadRequest;
import org.bemgate.modbus.internal.codec.WriteRequest;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;

/** A {@link ModbusLink} over j2mod's TCP master, one socket kept open between requests. */
final class J2modLink implements ModbusLink {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private ModbusTCPMaster master;

    J2modLink(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void connect() throws ModbusFailure {
        if (master != null && master.isConnected()) {
            return;
        }
        disconnect();
        // No reconnect per request and no j2mod retries: the connector retries as configured.
        ModbusTCPMaster m = new ModbusTCPMaster(host, port, timeoutMillis, false, false);
        m.setRetries(0);
        try {
            m.connect();
        } catch (Exception e) {
            m.disconnect();
            throw ModbusFailure.connection("connect to " + host + ":" + port, reason(e), e);
        }
        master = m;
    }

    @Override
    public int[] readRegisters(ReadRequest r) throws ModbusFailure {
        connect();
        try {
            InputRegister[] regs = switch (r.function()) {
                case READ_HOLDING_REGISTERS -> master.readMultipleRegisters(r.unit(), r.address(), r.count());
                case READ_INPUT_REGISTERS -> master.readInputRegisters(r.unit(), r.address(), r.count());
                default -> throw new IllegalArgumentException(r.function() + " does not read registers");
            };
            if (regs.length != r.count()) {
                throw ModbusFailure.connection(describe(r), "the device sent " + regs.length + " registers, not " + r.count(), null);
            }
            int[] out = new int[regs.length];
            for (int i = 0; i < regs.length; i++) {
                out[i] = regs[i].toUnsignedShort();
            }
            return out;
        } catch (ModbusException e) {
            throw failure(describe(r), e);
        }
    }

    @Override
    public boolean[] readBits(ReadRequest r) throws ModbusFailure {
        connect();
        try {
            BitVector bits = switch (r.function()) {
                case READ_COILS -> master.readCoils(r.unit(), r.address(), r.count());
                case READ_DISCRETE_INPUTS -> master.readInputDiscretes(r.unit(), r.address(), r.count());
                default -> throw new IllegalArgumentException(r.function() + " does not read bits");
            };
            // The response is padded to whole bytes; the request's count is what was asked for.
            boolean[] out = new boolean[r.count()];
            for (int i = 0; i < out.length; i++) {
                out[i] = bits.getBit(i);
            }
            return out;
        } catch (ModbusException e) {
            throw failure(describe(r), e);
        }
    }

    @Override
    public void write(WriteRequest w) throws ModbusFailure {
        connect();
        String what = w.function().key() + " unit " + w.unit() + " address " + w.address();
        try {
            switch (w.function()) {
                case WRITE_COIL -> master.writeCoil(w.unit(), w.address(), w.coil());
                case WRITE_REGISTER -> master.writeSingleRegister(w.unit(), w.address(), new SimpleRegister(w.registers()[0]));
                case WRITE_REGISTERS -> {
                    Register[] regs = new Register[w.registers().length];
                    for (int i = 0; i < regs.length; i++) {
                        regs[i] = new SimpleRegister(w.registers()[i]);
                    }
                    master.writeMultipleRegisters(w.unit(), w.address(), regs);
                }
                default -> throw new IllegalArgumentException(w.function() + " is not a write");
            }
        } catch (ModbusException e) {
            throw failure(what, e);
        }
    }

    @Override
    public void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    private ModbusFailure failure(String what, ModbusException e) {
        if (e instanceof ModbusSlaveException s) {
            return ModbusFailure.deviceException(what, s.getType());
        }
        // The stream may hold half a frame: start the next request on a fresh connection.
        disconnect();
        return ModbusFailure.connection(what, reason(e), e);
    }

    private static String describe(ReadRequest r) {
        return r.function().key() + " unit " + r.unit() + " address " + r.address() + " count " + r.count();
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
