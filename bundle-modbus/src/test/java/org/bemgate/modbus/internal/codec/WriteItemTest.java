package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** Writes (§10.10), the demo setpoint (§12) and the Fronius companion write (§11). */
public class WriteItemTest {

    @Test
    public void demoSetpointIsALittleEndianHalfFloat() throws Exception {
        WriteItem item = item("{\"write_register\": [{\"address\": 1, \"unit\": 1, \"datatypes\": \"<e\", \"example_value\":"
                + " \"22.0\"}]}");
        assertEquals(List.of(register(1, 1, 32845)), item.encode(22.0));
        assertEquals(List.of(register(1, 1, 16461)), item.encode(21));
        assertEquals(List.of(register(1, 1, 78)), item.encode(24.0));
    }

    @Test
    public void aJsonStringFailsThePackAsInBemcom() throws Exception {
        WriteItem item = item("{\"write_register\": [{\"address\": 1, \"unit\": 1, \"datatypes\": \"<e\"}]}");
        assertValueError(item, "22.0", "write_register__1__1: value \"22.0\" cannot be packed with datatypes '<e': required"
                + " argument is not a float");
        assertValueError(item, null, "write_register__1__1: value null cannot be packed with datatypes '<e': required argument"
                + " is not a float");
        assertValueError(item, 70000.0, "write_register__1__1: value 70000.0 cannot be packed with datatypes '<e': float too"
                + " large to pack with e format");
    }

    @Test
    public void integerCodesNeedIntegers() throws Exception {
        WriteItem item = item("{\"write_register\": [{\"address\": 4, \"unit\": 2, \"datatypes\": \">h\"}]}");
        assertEquals(List.of(register(2, 4, 0xfffe)), item.encode(-2L));
        assertEquals(List.of(register(2, 4, 1)), item.encode(true));
        assertValueError(item, 1.0, "write_register__2__4: value 1.0 cannot be packed with datatypes '>h': required argument is"
                + " not an integer");
        assertValueError(item, 32768, "write_register__2__4: value 32768 cannot be packed with datatypes '>h': 'h' format"
                + " requires -32768 <= number <= 32767");
    }

    @Test
    public void writeRegistersSendsThePackedBytesAsConsecutiveRegisters() throws Exception {
        WriteItem item = item("{\"write_registers\": [{\"address\": 23, \"unit\": 3, \"datatypes\": \">f\"}]}");
        assertEquals("write_registers__3__23", item.key());
        assertEquals(List.of(WriteRequest.registers(ModbusFunction.WRITE_REGISTERS, 3, 23, new int[] { 16816, 52429 })),
                item.encode(22.1));
        WriteItem little = item("{\"write_registers\": [{\"address\": 23, \"unit\": 3, \"datatypes\": \"<f\"}]}");
        assertEquals(List.of(WriteRequest.registers(ModbusFunction.WRITE_REGISTERS, 3, 23, new int[] { 52684, 45121 })),
                little.encode(22.1));
    }

    @Test
    public void lsrfWritesSwapTheRegisters() throws Exception {
        WriteItem item = ModbusConfig.parse("{\"write_registers\": [{\"address\": 23, \"unit\": 3, \"datatypes\": \">f\"}]}",
                ModbusCodecOptions.DEFAULTS.withWordOrder(WordOrder.LEAST_SIGNIFICANT_FIRST)).writeItems().get(0);
        assertEquals(List.of(WriteRequest.registers(ModbusFunction.WRITE_REGISTERS, 3, 23, new int[] { 52429, 16816 })),
                item.encode(22.1));
        WriteItem half = ModbusConfig.parse("{\"write_register\": [{\"address\": 1, \"unit\": 1, \"datatypes\": \"<e\"}]}",
                ModbusCodecOptions.DEFAULTS.withWordOrder(WordOrder.LEAST_SIGNIFICANT_FIRST)).writeItems().get(0);
        assertEquals(List.of(register(1, 1, 16461)), half.encode(21.0));
    }

    @Test
    public void longWritesSplitAt123Registers() throws Exception {
        WriteItem item = item("{\"write_registers\": [{\"address\": 1000, \"unit\": 1, \"datatypes\": \">300xh\"}]}");
        List<WriteRequest> requests = item.encode(-1);
        assertEquals(2, requests.size());
        assertEquals(1000, requests.get(0).address());
        assertEquals(123, requests.get(0).registers().length);
        assertEquals(1123, requests.get(1).address());
        int[] tail = requests.get(1).registers();
        assertEquals(28, tail.length);
        assertEquals(0xffff, tail[27]);
        assertEquals(0, Arrays.stream(requests.get(0).registers()).sum());
    }

    @Test
    public void coilsAcceptWhatPythonFindsEqualToTrueOrFalse() throws Exception {
        WriteItem item = item("{\"write_coil\": [{\"address\": 19, \"unit\": 1, \"example_value\": false}]}");
        assertEquals("write_coil__1__19", item.key());
        for (Object on : new Object[] { true, 1, 1L, 1.0, BigInteger.ONE }) {
            assertEquals(String.valueOf(on), List.of(WriteRequest.coil(1, 19, true)), item.encode(on));
        }
        for (Object off : new Object[] { false, 0, 0L, 0.0, -0.0 }) {
            assertEquals(String.valueOf(off), List.of(WriteRequest.coil(1, 19, false)), item.encode(off));
        }
        for (Object bad : new Object[] { "true", "1", "True", null, 2, 0.5, List.of() }) {
            String shown = bad instanceof String ? "\"" + bad + "\"" : String.valueOf(bad);
            assertValueError(item, bad, "write_coil__1__19: value " + shown + " is not true, false, 1 or 0");
        }
    }

    @Test
    public void froniusPowerLimitWithScalingAndCompanion() throws Exception {
        WriteItem item = item("""
                {"write_register": [{"address": 40242, "unit": 1, "datatypes": ">H", "example_value": "0",
                                     "scaling_factor": 100, "companion_address": 40246, "companion_value": 1}]}
                """);
        assertEquals(new CompanionWrite(40246, 1L), item.companion());
        assertEquals(List.of(register(1, 40242, 5000), register(1, 40246, 1)), item.encode(50));
        assertEquals(List.of(register(1, 40242, 5050), register(1, 40246, 1)), item.encode("50.5"));
        assertEquals(List.of(register(1, 40242, 29), register(1, 40246, 1)), item.encode(0.29));
        assertValueError(item, 700, "write_register__1__40242: value 700 scaled to 70000 cannot be packed with datatypes '>H': 'H' format"
                + " requires 0 <= number <= 65535");
        assertValueError(item, "abc", "write_register__1__40242: value \"abc\" is not a number");
        assertValueError(item, true, "write_register__1__40242: value true is not a number");
    }

    @Test
    public void scaledFloatsStayFloats() throws Exception {
        WriteItem item = item("{\"write_registers\": [{\"address\": 0, \"unit\": 1, \"datatypes\": \">f\", \"scaling_factor\":"
                + " 0.1}]}");
        assertEquals(List.of(WriteRequest.registers(ModbusFunction.WRITE_REGISTERS, 1, 0, new int[] { 16816, 0 })),
                item.encode(220));
    }

    @Test
    public void companionUsesTheSameFunctionAndDatatypes() throws Exception {
        WriteItem registers = item("{\"write_registers\": [{\"address\": 100, \"unit\": 4, \"datatypes\": \">f\","
                + " \"companion_address\": 200, \"companion_value\": 1}]}");
        assertEquals(List.of(WriteRequest.registers(ModbusFunction.WRITE_REGISTERS, 4, 100, new int[] { 16704, 0 }),
                WriteRequest.registers(ModbusFunction.WRITE_REGISTERS, 4, 200, new int[] { 16256, 0 })),
                registers.encode(12.0));
        WriteItem coil = item("{\"write_coil\": [{\"address\": 1, \"unit\": 1, \"companion_address\": 2, \"companion_value\":"
                + " true}]}");
        assertEquals(List.of(WriteRequest.coil(1, 1, false), WriteRequest.coil(1, 2, true)), coil.encode(0));
    }

    @Test
    public void nothingIsWrittenWhenTheValueFails() throws Exception {
        WriteItem item = item("{\"write_register\": [{\"address\": 40242, \"unit\": 1, \"datatypes\": \">H\","
                + " \"companion_address\": 40246, \"companion_value\": 1}]}");
        List<WriteRequest> sent = new ArrayList<>();
        try {
            sent.addAll(item.encode(-1));
            fail();
        } catch (ModbusValueException e) {
            assertEquals(List.of(), sent);
        }
    }

    @Test
    public void writeRequestRegisterCountsFollowTheFunction() {
        try {
            WriteRequest.registers(ModbusFunction.WRITE_REGISTER, 1, 1, new int[2]);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("write_register cannot carry 2 registers", e.getMessage());
        }
        try {
            WriteRequest.registers(ModbusFunction.READ_COILS, 1, 1, new int[1]);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("read_coils cannot carry 1 registers", e.getMessage());
        }
    }

    private static WriteRequest register(int unit, int address, int value) {
        return WriteRequest.registers(ModbusFunction.WRITE_REGISTER, unit, address, new int[] { value });
    }

    private static WriteItem item(String json) throws ModbusConfigException {
        return ModbusConfig.parse(json).writeItems().get(0);
    }

    private static void assertValueError(WriteItem item, Object value, String message) {
        try {
            item.encode(value);
            fail("encoded " + value);
        } catch (ModbusValueException e) {
            assertEquals(message, e.getMessage());
        }
    }
}
