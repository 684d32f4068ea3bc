package org.bemgate.modbus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.modbus.internal.codec.ReadRequest;
import org.bemgate.modbus.internal.codec.WriteRequest;

/** A scripted device for unit tests of the connector's logic; loopback tests use the simulators. */
final class FakeLink implements ModbusLink {

    final Map<Integer, Integer> registers = new HashMap<>();
    final Map<Integer, Integer> exceptionAt = new HashMap<>();
    final List<WriteRequest> writes = new ArrayList<>();
    volatile boolean reachable = true;
    volatile int connects;
    volatile int disconnects;

    @Override
    public synchronized void connect() throws ModbusFailure {
        if (!reachable) {
            throw ModbusFailure.connection("connect to fake", "Connection refused", null);
        }
        connects++;
    }

    @Override
    public synchronized int[] readRegisters(ReadRequest r) throws ModbusFailure {
        connect();
        int[] out = new int[r.count()];
        for (int i = 0; i < out.length; i++) {
            Integer code = exceptionAt.get(r.address() + i);
            if (code != null) {
                throw ModbusFailure.deviceException("read at " + r.address(), code);
            }
            out[i] = registers.getOrDefault(r.address() + i, 0);
        }
        return out;
    }

    @Override
    public synchronized boolean[] readBits(ReadRequest r) throws ModbusFailure {
        connect();
        boolean[] out = new boolean[r.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = registers.getOrDefault(r.address() + i, 0) != 0;
        }
        return out;
    }

    @Override
    public synchronized void write(WriteRequest w) throws ModbusFailure {
        connect();
        Integer code = exceptionAt.get(w.address());
        if (code != null) {
            throw ModbusFailure.deviceException("write at " + w.address(), code);
        }
        writes.add(w);
    }

    @Override
    public synchronized void disconnect() {
        disconnects++;
    }

    synchronized List<WriteRequest> writes() {
        return List.copyOf(writes);
    }

    synchronized void set(int address, int value) {
        registers.put(address, value);
    }
}
