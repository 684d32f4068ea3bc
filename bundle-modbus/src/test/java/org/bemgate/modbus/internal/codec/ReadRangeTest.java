package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** Decoding read ranges (§10.4, §10.7–§10.9, §10.12) and splitting them into requests. */
public class ReadRangeTest {

    // The real meter of BEMCom's test_main.py begins [17259, 1512, ...]; the rest are vectors printed by Python.
    private static final int[] METER = { 17259, 1512, 17258, 31341, 16816, 52429, 16704, 0, 50297, 63570, 0, 0, 32704, 0,
        65408, 0, 16256, 0, 49152, 0 };

    @Test
    public void meterRegistersDecodeAsBemcomsTest() throws Exception {
        ReadRange range = range("read_holding_registers", 20000, 20, ">ffffffffff", "");
        Map<String, Object> values = range.decodeRegisters(METER);
        assertEquals(235.0230712890625, values.get("read_holding_registers__1__20000"));
        assertEquals(234.4782257080078, values.get("read_holding_registers__1__20002"));
        assertEquals(22.100000381469727, values.get("read_holding_registers__1__20004"));
        assertEquals(12.0, values.get("read_holding_registers__1__20006"));
        assertEquals(-999.8800048828125, values.get("read_holding_registers__1__20008"));
        assertEquals(0.0, values.get("read_holding_registers__1__20010"));
        assertTrue(Double.isNaN((Double) values.get("read_holding_registers__1__20012")));
        assertEquals(Double.NEGATIVE_INFINITY, values.get("read_holding_registers__1__20014"));
        assertEquals(1.0, values.get("read_holding_registers__1__20016"));
        assertEquals(-2.0, values.get("read_holding_registers__1__20018"));
        assertEquals(range.keys(), List.copyOf(values.keySet()));
    }

    @Test
    public void scalingFactorIsKeyedByStartAddress() throws Exception {
        ReadRange range = range("read_holding_registers", 20000, 20, ">ffffffffff", ", \"scaling_factors\": {\"20000\": 0.1}");
        Map<String, Object> values = range.decodeRegisters(METER);
        assertEquals(23.502307128906253, values.get("read_holding_registers__1__20000"));
        assertEquals(234.4782257080078, values.get("read_holding_registers__1__20002"));
    }

    @Test
    public void referenceExampleScalesTheSecondValue() throws Exception {
        ReadRange range = range("read_input_registers", 19000, 20, ">ffffffffff", ", \"scaling_factors\": {\"19002\": 0.1}");
        Map<String, Object> values = range.decodeRegisters(METER);
        assertEquals(235.0230712890625, values.get("read_input_registers__1__19000"));
        assertEquals(23.44782257080078, values.get("read_input_registers__1__19002"));
    }

    @Test
    public void scaledIntegersAndBoolsBecomeFloats() throws Exception {
        ReadRange range = range("read_input_registers", 0, 2, ">hx?", ", \"scaling_factors\": {\"0\": 0.5, \"1\": 3}");
        Map<String, Object> values = range.decodeRegisters(new int[] { 0xfffb, 0x0001 });
        assertEquals(-2.5, values.get("read_input_registers__1__0"));
        assertEquals(3.0, values.get("read_input_registers__1__1"));
        Map<String, Object> unscaled = range("read_input_registers", 0, 2, ">hx?", "").decodeRegisters(new int[] { 0xfffb, 1 });
        assertEquals(-5L, unscaled.get("read_input_registers__1__0"));
        assertEquals(true, unscaled.get("read_input_registers__1__1"));
    }

    @Test
    public void demoDeviceRoomTemperature() throws Exception {
        ReadRange range = range("read_input_registers", 1, 1, "e", "");
        assertEquals(Map.of("read_input_registers__1__1", 21.0), range.decodeRegisters(new int[] { 16461 }));
        assertEquals(Map.of("read_input_registers__1__1", 18.703125), range.decodeRegisters(new int[] { 44364 }));
    }

    @Test
    public void lsrfRangeDecodesSwappedRegisters() throws Exception {
        ModbusConfig config = ModbusConfig.parse("{\"read_holding_registers\": [{\"address\": 7, \"count\": 3, \"unit\": 2,"
                + " \"datatypes\": \">fh\"}]}", ModbusCodecOptions.DEFAULTS.withWordOrder(WordOrder.LEAST_SIGNIFICANT_FIRST));
        Map<String, Object> values = config.readRanges().get(0).decodeRegisters(new int[] { 52429, 16816, 65535 });
        assertEquals(22.100000381469727, values.get("read_holding_registers__2__7"));
        assertEquals(-1L, values.get("read_holding_registers__2__9"));
    }

    @Test
    public void coilsGiveExactlyCountBooleans() throws Exception {
        ReadRange range = range("read_coils", 10, 3, null, "");
        Map<String, Object> values = range.decodeBits(new boolean[] { true, false, true, true, true, true, true, true });
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("read_coils__1__10", true);
        expected.put("read_coils__1__11", false);
        expected.put("read_coils__1__12", true);
        assertEquals(expected, values);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(values.keySet()));
        assertEquals(List.of(new ReadRequest(ModbusFunction.READ_COILS, 1, 10, 3, 0)), range.requests());
    }

    @Test
    public void discreteInputsAreNeverScaled() throws Exception {
        ReadRange range = range("read_discrete_inputs", 0, 1, null, "");
        assertEquals(Map.of("read_discrete_inputs__1__0", false), range.decodeBits(new boolean[] { false }));
        assertTrue(range.scalingFactors().isEmpty());
    }

    @Test
    public void wrongInputsAreProgrammingErrors() throws Exception {
        ReadRange registers = range("read_holding_registers", 5, 2, ">f", "");
        ReadRange bits = range("read_coils", 5, 9, null, "");
        assertIllegal(() -> registers.decodeRegisters(new int[] { 1 }),
                "read_holding_registers range at address 5: expected 2 registers, got 1");
        assertIllegal(() -> registers.decodeBits(new boolean[2]), "read_holding_registers range at address 5 holds registers,"
                + " not bits");
        assertIllegal(() -> bits.decodeBits(new boolean[8]), "read_coils range at address 5: expected 9 bits, got 8");
        assertIllegal(() -> bits.decodeRegisters(new int[9]), "read_coils range at address 5 holds bits, not registers");
        assertIllegal(() -> registers.decodeRegisterChunks(List.of()), "read_holding_registers range at address 5: expected 1"
                + " responses, got 0");
        assertIllegal(() -> registers.decodeRegisterChunks(List.of(new int[3])), "read_holding_registers range at address 5:"
                + " response 0 holds 3 registers, expected 2");
    }

    @Test
    public void longRegisterRangesSplitWithoutCuttingAValue() throws Exception {
        ReadRange range = range("read_holding_registers", 1000, 250, ">125f", "");
        assertEquals(List.of(new ReadRequest(ModbusFunction.READ_HOLDING_REGISTERS, 1, 1000, 124, 0),
                new ReadRequest(ModbusFunction.READ_HOLDING_REGISTERS, 1, 1124, 124, 124),
                new ReadRequest(ModbusFunction.READ_HOLDING_REGISTERS, 1, 1248, 2, 248)), range.requests());
        float[] floats = new float[125];
        int[] registers = new int[250];
        for (int i = 0; i < 125; i++) {
            floats[i] = i * 1.5f - 40;
            int bits = Float.floatToIntBits(floats[i]);
            registers[2 * i] = bits >>> 16;
            registers[2 * i + 1] = bits & 0xffff;
        }
        List<int[]> chunks = new ArrayList<>();
        for (ReadRequest r : range.requests()) {
            chunks.add(Arrays.copyOfRange(registers, r.offset(), r.offset() + r.count()));
        }
        Map<String, Object> values = range.decodeRegisterChunks(chunks);
        assertEquals(125, values.size());
        for (int i = 0; i < 125; i++) {
            assertEquals((double) floats[i], values.get("read_holding_registers__1__" + (1000 + 2 * i)));
        }
        assertEquals(range.decodeRegisters(registers), values);
    }

    @Test
    public void splitsUseTheFullRequestWhereValuesAllow() throws Exception {
        assertEquals(List.of(125, 124), counts(range("read_input_registers", 0, 249, ">h124f", "")));
        assertEquals(List.of(125, 125, 50), counts(range("read_input_registers", 0, 300, ">300H", "")));
        assertEquals(List.of(124, 124, 124, 28), counts(range("read_input_registers", 0, 400, ">100d", "")));
        assertEquals(List.of(125), counts(range("read_input_registers", 0, 125, ">125H", "")));
    }

    @Test
    public void longBitRangesSplitAt2000() throws Exception {
        ReadRange range = range("read_discrete_inputs", 100, 4500, null, "");
        assertEquals(List.of(new ReadRequest(ModbusFunction.READ_DISCRETE_INPUTS, 1, 100, 2000, 0),
                new ReadRequest(ModbusFunction.READ_DISCRETE_INPUTS, 1, 2100, 2000, 2000),
                new ReadRequest(ModbusFunction.READ_DISCRETE_INPUTS, 1, 4100, 500, 4000)), range.requests());
    }

    @Test
    public void splitterCutsAnywayWhenNoBoundaryIsInReach() {
        List<int[]> chunks = RequestSplitter.split(10, 3, i -> false);
        assertEquals(4, chunks.size());
        assertArrayEquals(new int[] { 9, 1 }, chunks.get(3));
        assertArrayEquals(new int[] { 0, 7 }, RequestSplitter.split(7, 7, i -> false).get(0));
    }

    @Test
    public void overlappingRangesOverwriteInConfigurationOrder() throws Exception {
        ModbusConfig config = ModbusConfig.parse("{\"read_holding_registers\": ["
                + "{\"address\": 0, \"count\": 2, \"unit\": 1, \"datatypes\": \">hh\"},"
                + "{\"address\": 1, \"count\": 2, \"unit\": 1, \"datatypes\": \">hh\"}]}");
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.putAll(config.readRanges().get(0).decodeRegisters(new int[] { 1, 2 }));
        merged.putAll(config.readRanges().get(1).decodeRegisters(new int[] { 20, 30 }));
        assertEquals(List.of("read_holding_registers__1__0", "read_holding_registers__1__1", "read_holding_registers__1__2"),
                List.copyOf(merged.keySet()));
        assertEquals(List.of(1L, 20L, 30L), List.copyOf(merged.values()));
        assertEquals(List.of("read_holding_registers__1__0", "read_holding_registers__1__1", "read_holding_registers__1__2"),
                config.sensorKeys());
    }

    @Test
    public void rawMessageShape() throws Exception {
        ModbusConfig config = ModbusConfig.parse("""
                {"read_holding_registers": [{"address": 0, "count": 1, "unit": 1, "datatypes": ">h"},
                                            {"address": 9, "count": 2, "unit": 1, "datatypes": ">f"}],
                 "read_coils": [{"address": 3, "count": 2, "unit": 1}]}
                """);
        RawReadMessage raw = new RawReadMessage();
        raw.addRegisters(config.readRanges().get(0), new int[] { 7 });
        raw.addRegisters(config.readRanges().get(1), new int[] { 16816, 52429 });
        raw.addBits(config.readRanges().get(2), new boolean[] { true, false, false, false, false, false, false, false });
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("read_holding_registers", Map.of("0", List.of(7), "1", List.of(16816, 52429)));
        expected.put("read_coils", Map.of("0", List.of(true, false)));
        assertEquals(expected, raw.toJsonValue());
        assertEquals(1, config.readRanges().get(1).index());
    }

    private static List<Integer> counts(ReadRange range) {
        List<Integer> counts = new ArrayList<>();
        for (ReadRequest r : range.requests()) {
            assertTrue(r.count() <= 125);
            counts.add(r.count());
        }
        return counts;
    }

    private static ReadRange range(String function, int address, int count, String datatypes, String extra)
            throws ModbusConfigException {
        String json = "{\"" + function + "\": [{\"address\": " + address + ", \"count\": " + count + ", \"unit\": 1"
                + (datatypes == null ? "" : ", \"datatypes\": \"" + datatypes + "\"") + extra + "}]}";
        return ModbusConfig.parse(json).readRanges().get(0);
    }

    private static void assertIllegal(Runnable action, String message) {
        try {
            action.run();
            fail("no exception, expected: " + message);
        } catch (IllegalArgumentException e) {
            assertEquals(message, e.getMessage());
        }
    }
}
