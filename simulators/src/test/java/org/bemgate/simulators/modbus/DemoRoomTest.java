package org.bemgate.simulators.modbus;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class DemoRoomTest {

    @Test
    public void halfFloatRegistersMatchTheReference() {
        assertEquals(16461, HalfFloats.toLittleEndianRegister(21.0));
        assertEquals(78, HalfFloats.toLittleEndianRegister(24.0));
        assertEquals(16460, HalfFloats.toLittleEndianRegister(17.0));
        assertEquals(18.703125, HalfFloats.fromLittleEndianRegister(HalfFloats.toLittleEndianRegister(18.7)), 0);
        assertEquals(0x3C00, HalfFloats.toBits(1.0f));
        assertEquals(-2.0, HalfFloats.fromBits(0xC000), 0);
        assertEquals(65504.0, HalfFloats.fromBits(0x7BFF), 0);
        assertEquals(Double.POSITIVE_INFINITY, HalfFloats.fromBits(HalfFloats.toBits(1e6f)), 0);
        assertEquals(5.960464477539063E-8, HalfFloats.fromBits(1), 1e-20);
    }

    @Test
    public void startsAt21And24AndMovesTenPercentPerSecond() throws Exception {
        try (DemoRoom room = new DemoRoom("127.0.0.1", 0)) {
            assertEquals(16461, room.simulator().bank().input(1));
            assertEquals(78, room.simulator().bank().holding(1));
            room.tick();
            assertEquals(21.3, room.temperature(), 1e-9);
            assertEquals(21.3, HalfFloats.fromLittleEndianRegister(room.simulator().bank().input(1)), 0.01);
            room.tick();
            assertEquals(21.57, room.temperature(), 1e-9);
        }
    }

    @Test
    public void aWrittenSetpointIsClippedTo15To30() throws Exception {
        try (DemoRoom room = new DemoRoom("127.0.0.1", 0).start();
                RawClient c = new RawClient(room.simulator().port(), 2000)) {
            int high = HalfFloats.toLittleEndianRegister(35.0);
            c.send((byte) 6, (byte) 0, (byte) 1, (byte) (high >> 8), (byte) high);
            assertEquals(30.0, room.setpoint(), 0);
            assertEquals(30.0, HalfFloats.fromLittleEndianRegister(room.simulator().bank().holding(1)), 0);
            int low = HalfFloats.toLittleEndianRegister(10.0);
            c.send((byte) 6, (byte) 0, (byte) 1, (byte) (low >> 8), (byte) low);
            assertEquals(15.0, room.setpoint(), 0);
            int ok = HalfFloats.toLittleEndianRegister(18.7);
            c.send((byte) 6, (byte) 0, (byte) 1, (byte) (ok >> 8), (byte) ok);
            assertEquals(18.703125, room.setpoint(), 0);
        }
    }
}
