package org.bemgate.modbus.internal.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** Loading {@code MODBUS_CONFIG} (§10.2) and every way it can be wrong. */
public class ModbusConfigTest {

    private static final String REFERENCE_EXAMPLE = """
            {"read_input_registers":   [{"address": 1, "count": 1, "unit": 1, "datatypes": "e"}],
             "read_holding_registers": [{"address": 19000, "count": 20, "unit": 1, "datatypes": ">ffffffffff",
                                         "scaling_factors": {"19002": 0.1}}],
             "write_register":         [{"address": 1, "unit": 1, "datatypes": "<e", "example_value": "22.0"}]}
            """;

    @Test
    public void referenceExample() throws Exception {
        ModbusConfig config = ModbusConfig.parse(REFERENCE_EXAMPLE);
        assertEquals(2, config.readRanges().size());
        ReadRange input = config.readRanges().get(0);
        assertEquals(ModbusFunction.READ_INPUT_REGISTERS, input.function());
        assertEquals(List.of("read_input_registers__1__1"), input.keys());
        ReadRange holding = config.readRanges().get(1);
        assertEquals(19000, holding.address());
        assertEquals(20, holding.count());
        assertEquals(List.of(19000, 19002, 19004, 19006, 19008, 19010, 19012, 19014, 19016, 19018), holding.valueAddresses());
        assertEquals(Map.of(19002, 0.1), holding.scalingFactors());
        WriteItem write = config.writeItems().get(0);
        assertEquals("write_register__1__1", write.key());
        assertEquals("22.0", write.exampleValue());
        assertEquals(Map.of("write_register__1__1", "22.0"), config.actuatorExampleValues());
        assertTrue(config.warnings().isEmpty());
    }

    @Test
    public void allSevenFunctionKeys() throws Exception {
        ModbusConfig config = ModbusConfig.parse("""
                {"read_coils": [{"address": 10, "count": 3, "unit": 1}],
                 "read_discrete_inputs": [{"address": 0, "count": 1, "unit": 2}],
                 "read_holding_registers": [{"address": 5, "count": 2, "unit": 1, "datatypes": ">i"}],
                 "read_input_registers": [{"address": 5, "count": 1, "unit": 1, "datatypes": ">H"}],
                 "write_coil": [{"address": 19, "unit": 1, "example_value": true}],
                 "write_register": [{"address": 1, "unit": 1, "datatypes": ">h", "example_value": 0}],
                 "write_registers": [{"address": 23, "unit": 3, "datatypes": ">d", "example_value": 1.5}]}
                """);
        assertEquals(List.of("read_coils__1__10", "read_coils__1__11", "read_coils__1__12"), config.readRanges().get(0).keys());
        assertEquals(List.of("read_discrete_inputs__2__0"), config.readRanges().get(1).keys());
        assertEquals(List.of("read_holding_registers__1__5"), config.readRanges().get(2).keys());
        assertEquals(List.of("read_input_registers__1__5"), config.readRanges().get(3).keys());
        assertEquals(List.of("write_coil__1__19", "write_register__1__1", "write_registers__3__23"),
                List.copyOf(config.actuatorExampleValues().keySet()));
        assertEquals(1.5, config.writeItem("write_registers__3__23").get().exampleValue());
        assertEquals(0L, config.writeItem("write_register__1__1").get().exampleValue());
        assertFalse(config.writeItem("write_register__1__2").isPresent());
    }

    @Test
    public void emptyConfigurationHasNothingToDo() throws Exception {
        ModbusConfig config = ModbusConfig.parse("{}");
        assertTrue(config.readRanges().isEmpty());
        assertTrue(config.writeItems().isEmpty());
    }

    @Test
    public void exampleValueIsOptional() throws Exception {
        assertNull(ModbusConfig.parse("{\"write_coil\": [{\"address\": 1, \"unit\": 1}]}").writeItems().get(0).exampleValue());
    }

    @Test
    public void invalidJson() {
        assertError("{\"read_coils\": [", "MODBUS_CONFIG is not valid JSON: ");
        assertError("{} {}", "MODBUS_CONFIG is not valid JSON: ");
        assertError("", "MODBUS_CONFIG is empty: expected a JSON object with function keys");
        assertError(null, "MODBUS_CONFIG is empty: expected a JSON object with function keys");
        assertError("[1]", "MODBUS_CONFIG must be a JSON object with function keys, not a list");
    }

    @Test
    public void unknownFunctionKey() {
        assertError("{\"read_holding_register\": []}", "MODBUS_CONFIG has unknown function key 'read_holding_register': expected"
                + " one of read_coils, read_discrete_inputs, read_holding_registers, read_input_registers, write_coil,"
                + " write_register, write_registers");
    }

    @Test
    public void listsAndItemsMustHaveTheirShapes() {
        assertError("{\"read_coils\": {}}", "read_coils must be a list of items, not an object");
        assertError("{\"read_coils\": [5]}", "read_coils item 0 must be a JSON object, not a number");
    }

    @Test
    public void datatypesByteCountMustMatchCount() {
        assertError(holding(40242, 1, ">f"), "read_holding_registers range at address 40242: datatypes '>f' need 2 registers"
                + " but count is 1");
        assertError(holding(100, 3, ">ff"), "read_holding_registers range at address 100: datatypes '>ff' need 4 registers"
                + " but count is 3");
        assertError(holding(100, 1, ">b"), "read_holding_registers range at address 100: datatypes '>b' describe 1 bytes,"
                + " not a whole number of registers; count 1 needs 2 bytes (pad 1-byte values with 'x')");
    }

    @Test
    public void nativeSizesCountForTheByteCheck() {
        assertError(holding(0, 3, "@hf"), "read_holding_registers range at address 0: datatypes '@hf' need 4 registers"
                + " but count is 3");
        assertEquals(List.of(0, 1), parse(holding(0, 4, "@hf")).readRanges().get(0).valueAddresses());
    }

    @Test
    public void badFormatString() {
        assertError(holding(7, 2, ">k"), "read_holding_registers range at address 7: datatypes '>k': bad char 'k' at position 1"
                + " in struct format");
        assertError("{\"read_input_registers\": [{\"address\": 7, \"count\": 1, \"unit\": 1, \"datatypes\": 5}]}",
                "read_input_registers range at address 7: datatypes must be a string, not 5");
        assertError("{\"read_input_registers\": [{\"address\": 7, \"count\": 1, \"unit\": 1}]}",
                "read_input_registers range at address 7: datatypes is missing");
    }

    @Test
    public void codesWithoutAddressesAreRejected() {
        assertError(holding(3, 3, ">4sh"), "read_holding_registers range at address 3: datatypes '>4sh' contain 's', whose"
                + " values get no address (only c b B ? h H e i I l L f q Q d have one)");
        assertError(holding(3, 4, "n"), "read_holding_registers range at address 3: datatypes 'n' contain 'n', whose"
                + " values get no address (only c b B ? h H e i I l L f q Q d have one)");
    }

    @Test
    public void requiredIntegerFields() {
        assertError("{\"read_coils\": [{\"count\": 1, \"unit\": 1}]}", "read_coils item 0: address is missing");
        assertError("{\"read_coils\": [{\"address\": 1, \"unit\": 1}]}", "read_coils range at address 1: count is missing");
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 1}]}", "read_coils range at address 1: unit is missing");
        assertError("{\"read_coils\": [{\"address\": \"1\", \"count\": 1, \"unit\": 1}]}",
                "read_coils item 0: address must be an integer, not \"1\"");
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 1.0, \"unit\": 1}]}",
                "read_coils range at address 1: count must be an integer, not 1.0");
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 0, \"unit\": 1}]}",
                "read_coils range at address 1: count 0 is outside 1..65536");
        assertError("{\"read_coils\": [{\"address\": 70000, \"count\": 1, \"unit\": 1}]}",
                "read_coils item 0: address 70000 is outside 0..65535");
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 1, \"unit\": 256}]}",
                "read_coils range at address 1: unit 256 is outside 0..255");
    }

    @Test
    public void rangeMustEndAtTheLastAddress() {
        assertError("{\"read_coils\": [{\"address\": 65530, \"count\": 10, \"unit\": 1}]}",
                "read_coils range at address 65530: count 10 reaches address 65539, beyond the last Modbus address 65535");
        assertEquals(6, parse("{\"read_coils\": [{\"address\": 65530, \"count\": 6, \"unit\": 1}]}").readRanges().get(0).count());
    }

    @Test
    public void unknownAndMisplacedItemKeys() {
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"adress\": 2}]}",
                "read_coils range at address 1: unknown key 'adress'");
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"datatypes\": \">h\"}]}",
                "read_coils range at address 1: 'datatypes' is not used by read_coils, which reads or writes bits");
        assertError("{\"read_discrete_inputs\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"scaling_factors\": {\"1\": 2}}]}",
                "read_discrete_inputs range at address 1: 'scaling_factors' is not used by read_discrete_inputs, which reads or"
                        + " writes bits");
        assertError("{\"write_coil\": [{\"address\": 1, \"unit\": 1, \"scaling_factor\": 2}]}",
                "write_coil item at address 1: 'scaling_factor' is not used by write_coil, which reads or writes bits");
    }

    @Test
    public void lenientModeWarnsAndIgnoresAsBemcomDoes() throws Exception {
        ModbusConfig config = ModbusConfig.parse("""
                {"comment": "ignored",
                 "read_coils": [{"address": 1, "count": 2, "unit": 1, "datatypes": ">h", "scaling_factors": {"1": 5}}],
                 "read_input_registers": [{"address": 0, "count": 2, "unit": 1, "datatypes": ">f",
                                           "scaling_factors": {"1": 5, "0": 2}}]}
                """, ModbusCodecOptions.DEFAULTS.withLenient(true));
        assertEquals(List.of("MODBUS_CONFIG has unknown function key 'comment': expected one of read_coils,"
                + " read_discrete_inputs, read_holding_registers, read_input_registers, write_coil, write_register,"
                + " write_registers (ignored)",
                "read_coils range at address 1: 'datatypes' is not used by read_coils, which reads or writes bits (ignored)",
                "read_coils range at address 1: 'scaling_factors' is not used by read_coils, which reads or writes bits (ignored)",
                "read_input_registers range at address 0: scaling_factors key '1' is not the address of a value in this range"
                        + " (ignored)"),
                config.warnings());
        assertEquals(Map.of(0, 2.0), config.readRanges().get(1).scalingFactors());
        assertEquals(2, config.readRanges().get(0).count());
    }

    @Test
    public void scalingFactorsMustMatchValues() {
        assertError(scaled("{\"19003\": 0.1}"), "read_holding_registers range at address 19000: scaling_factors key '19003' is"
                + " not the address of a value in this range");
        assertError(scaled("{\"019002\": 0.1}"), "read_holding_registers range at address 19000: scaling_factors key '019002'"
                + " is not the address of a value in this range");
        assertError(scaled("{\"19002\": \"0.1\"}"), "read_holding_registers range at address 19000: scaling factor for"
                + " address 19002 must be a number, not \"0.1\"");
        assertError(scaled("[0.1]"), "read_holding_registers range at address 19000: scaling_factors must be an object keyed by"
                + " value address, not a list");
        assertError("{\"read_input_registers\": [{\"address\": 4, \"count\": 1, \"unit\": 1, \"datatypes\": \">xc\","
                + " \"scaling_factors\": {\"4\": 2}}]}", "read_input_registers range at address 4: scaling factor for address 4"
                + " applies to a 'c' value, which is not a number");
    }

    @Test
    public void lsrfNeedsAlignedNumbers() {
        String json = holding(50, 3, ">xfx");
        parse(json);
        try {
            ModbusConfig.parse(json, ModbusCodecOptions.DEFAULTS.withWordOrder(WordOrder.LEAST_SIGNIFICANT_FIRST));
            fail();
        } catch (ModbusConfigException e) {
            assertEquals("read_holding_registers range at address 50: datatypes '>xfx': LSRF word order needs every 4- and"
                    + " 8-byte number to start on a register boundary, but 'f' starts at byte 1", e.getMessage());
        }
    }

    @Test
    public void writeRegisterTakesExactlyTwoBytes() {
        assertError(write("write_register", ">f"), "write_register item at address 1: datatypes '>f' describe 4 bytes, but"
                + " write_register writes exactly one register (2 bytes); use write_registers");
        assertError(write("write_register", ">b"), "write_register item at address 1: datatypes '>b' describe 1 bytes, but"
                + " write_register writes exactly one register (2 bytes); pad 1-byte values with 'x'");
        assertEquals(1, parse(write("write_register", ">xb")).writeItems().size());
    }

    @Test
    public void writeDatatypesDescribeOneWholeRegisterValue() {
        assertError(write("write_registers", ">ff"), "write_registers item at address 1: datatypes '>ff' describe 2 values, but"
                + " a write item's datatypes describe exactly one");
        assertError(write("write_registers", ">xi"), "write_registers item at address 1: datatypes '>xi' describe 5 bytes, not"
                + " a whole number of registers (pad 1-byte values with 'x')");
        assertError(write("write_registers", ">2s"), "write_registers item at address 1: datatypes '>2s' cannot be written: a"
                + " JSON value cannot be packed as 's'");
        assertError(write("write_register", ">xc"), "write_register item at address 1: datatypes '>xc' cannot be written: a"
                + " JSON value cannot be packed as 'c'");
        assertError("{\"write_registers\": [{\"address\": 65534, \"unit\": 1, \"datatypes\": \">d\"}]}",
                "write_registers item at address 65534: address 65534 plus 4 registers reaches 65537, beyond the last Modbus"
                        + " address 65535");
    }

    @Test
    public void duplicateActuatorKeys() {
        assertError("{\"write_coil\": [{\"address\": 1, \"unit\": 1}, {\"address\": 1, \"unit\": 1}]}",
                "write_coil item at address 1: actuator key write_coil__1__1 is configured twice");
    }

    @Test
    public void companionWriteFields() {
        assertError("{\"write_register\": [{\"address\": 40242, \"unit\": 1, \"datatypes\": \">H\", \"companion_address\":"
                + " 40246}]}", "write_register item at address 40242: companion_address and companion_value go together, but"
                        + " only companion_address is given");
        assertError("{\"write_register\": [{\"address\": 40242, \"unit\": 1, \"datatypes\": \">H\", \"companion_value\": 1}]}",
                "write_register item at address 40242: companion_address and companion_value go together, but only"
                        + " companion_value is given");
        assertError("{\"write_register\": [{\"address\": 40242, \"unit\": 1, \"datatypes\": \">H\", \"companion_address\":"
                + " 40246, \"companion_value\": -1}]}", "write_register item at address 40242: companion_value -1 cannot be"
                        + " packed with datatypes '>H': 'H' format requires 0 <= number <= 65535");
        assertError("{\"write_coil\": [{\"address\": 3, \"unit\": 1, \"companion_address\": 4, \"companion_value\": \"on\"}]}",
                "write_coil item at address 3: companion_value \"on\" is not true, false, 1 or 0");
        assertError("{\"write_register\": [{\"address\": 1, \"unit\": 1, \"datatypes\": \">H\", \"scaling_factor\": \"100\"}]}",
                "write_register item at address 1: scaling_factor must be a number, not \"100\"");
    }

    @Test
    public void metadataErrors() {
        assertError("{\"write_coil\": [{\"address\": 1, \"unit\": 1, \"metadata\": {\"data_format\": \"boolean\"}}]}",
                "write_coil item at address 1: metadata: unknown data format 'boolean': expected one of generic_numeric,"
                        + " continuous_numeric, discrete_numeric, generic_text, discrete_text, bool, unknown");
        assertError("{\"write_coil\": [{\"address\": 1, \"unit\": 1, \"metadata\": {\"units\": \"W\"}}]}",
                "write_coil item at address 1: metadata: unknown key 'units'");
        assertError("{\"write_coil\": [{\"address\": 1, \"unit\": 1, \"metadata\": {\"min_value\": \"0\"}}]}",
                "write_coil item at address 1: metadata: min_value must be a number, not \"0\"");
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"metadata\": {\"2\": {}}}]}",
                "read_coils range at address 1: metadata key '2' is not the address of a value in this range");
        assertError("{\"read_coils\": [{\"address\": 1, \"count\": 1, \"unit\": 1, \"metadata\": {\"1\": {\"unit\": 5}}}]}",
                "read_coils range at address 1: metadata for address 1: unit must be a string, not 5");
    }

    private static String holding(int address, int count, String datatypes) {
        return "{\"read_holding_registers\": [{\"address\": " + address + ", \"count\": " + count + ", \"unit\": 1,"
                + " \"datatypes\": \"" + datatypes + "\"}]}";
    }

    private static String scaled(String factors) {
        return "{\"read_holding_registers\": [{\"address\": 19000, \"count\": 20, \"unit\": 1, \"datatypes\": \">ffffffffff\","
                + " \"scaling_factors\": " + factors + "}]}";
    }

    private static String write(String function, String datatypes) {
        return "{\"" + function + "\": [{\"address\": 1, \"unit\": 1, \"datatypes\": \"" + datatypes + "\"}]}";
    }

    private static ModbusConfig parse(String json) {
        try {
            return ModbusConfig.parse(json);
        } catch (ModbusConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static void assertError(String json, String message) {
        try {
            ModbusConfig.parse(json);
            fail("accepted " + json);
        } catch (ModbusConfigException e) {
            if (message.endsWith(": ")) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(message));
            } else {
                assertEquals(message, e.getMessage());
            }
        }
    }
}
