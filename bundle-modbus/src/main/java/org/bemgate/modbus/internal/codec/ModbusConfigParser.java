package org.bemgate.modbus.internal.codec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bemgate.core.api.DataFormat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads {@code MODBUS_CONFIG} JSON into a {@link ModbusConfig}, checking everything BEMCom would only
 * find out while polling or writing: a bad configuration fails at load, naming the range.
 */
final class ModbusConfigParser {

    // Python's json module reads NaN and Infinity and refuses trailing text; so does this mapper.
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    private static final int LAST_ADDRESS = 65535;
    private static final Set<String> READ_KEYS = Set.of("address", "count", "unit", "datatypes", "scaling_factors", "metadata");
    private static final Set<String> WRITE_KEYS = Set.of("address", "unit", "datatypes", "example_value", "scaling_factor",
            "companion_address", "companion_value", "metadata");
    private static final Set<String> REGISTER_ONLY_KEYS = Set.of("datatypes", "scaling_factors", "scaling_factor");
    private static final Set<String> METADATA_KEYS = Set.of("data_format", "unit", "description", "min_value", "max_value",
            "allowed_values");

    private final ModbusCodecOptions options;
    private final List<String> warnings = new ArrayList<>();

    ModbusConfigParser(ModbusCodecOptions options) {
        this.options = options == null ? ModbusCodecOptions.DEFAULTS : options;
    }

    ModbusConfig parse(String json) throws ModbusConfigException {
        if (json == null || json.isBlank()) {
            throw new ModbusConfigException("MODBUS_CONFIG is empty: expected a JSON object with function keys");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ModbusConfigException("MODBUS_CONFIG is not valid JSON: " + e.getOriginalMessage() + where, e);
        }
        if (!root.isObject()) {
            throw new ModbusConfigException("MODBUS_CONFIG must be a JSON object with function keys, not " + kind(root));
        }
        List<ReadRange> reads = new ArrayList<>();
        List<WriteItem> writes = new ArrayList<>();
        Set<String> writeKeys = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            Optional<ModbusFunction> function = ModbusFunction.fromKey(entry.getKey());
            if (function.isEmpty()) {
                unused("MODBUS_CONFIG has unknown function key '" + entry.getKey() + "': expected one of "
                        + ModbusFunction.allKeys());
                continue;
            }
            JsonNode list = entry.getValue();
            if (!list.isArray()) {
                throw new ModbusConfigException(entry.getKey() + " must be a list of items, not " + kind(list));
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isObject()) {
                    throw new ModbusConfigException(entry.getKey() + " item " + i + " must be a JSON object, not " + kind(item));
                }
                if (function.get().isRead()) {
                    reads.add(parseRead(function.get(), i, item));
                } else {
                    WriteItem write = parseWrite(function.get(), i, item);
                    if (!writeKeys.add(write.key())) {
                        throw new ModbusConfigException(write.describe() + ": actuator key " + write.key()
                                + " is configured twice");
                    }
                    writes.add(write);
                }
            }
        }
        return new ModbusConfig(reads, writes, this.warnings, this.options);
    }

    private ReadRange parseRead(ModbusFunction function, int index, JsonNode item) throws ModbusConfigException {
        int address = intField(item, "address", 0, LAST_ADDRESS, function.key() + " item " + index);
        String where = function.key() + " range at address " + address;
        checkKeys(item, READ_KEYS, function, where);
        int count = intField(item, "count", 1, LAST_ADDRESS + 1, where);
        if (address + count - 1 > LAST_ADDRESS) {
            throw new ModbusConfigException(where + ": count " + count + " reaches address " + (address + count - 1)
                    + ", beyond the last Modbus address " + LAST_ADDRESS);
        }
        int unit = intField(item, "unit", 0, 255, where);
        List<Integer> addresses = new ArrayList<>();
        StructFormat format = null;
        Map<Integer, Double> factors = new LinkedHashMap<>();
        if (function.isBits()) {
            for (int i = 0; i < count; i++) {
                addresses.add(address + i);
            }
        } else {
            format = datatypes(item, where);
            if (format.byteSize() % 2 != 0) {
                throw new ModbusConfigException(where + ": datatypes '" + format + "' describe " + format.byteSize()
                        + " bytes, not a whole number of registers; count " + count + " needs " + 2 * count
                        + " bytes (pad 1-byte values with 'x')");
            }
            if (format.byteSize() != 2 * count) {
                throw new ModbusConfigException(where + ": datatypes '" + format + "' need " + format.byteSize() / 2
                        + " registers but count is " + count);
            }
            for (StructFormat.Item token : format.items()) {
                if (token.code().bemcomRegisters() == 0 && token.code() != StructCode.PAD) {
                    throw new ModbusConfigException(where + ": datatypes '" + format + "' contain '" + token.code().character()
                            + "', whose values get no address (only c b B ? h H e i I l L f q Q d have one)");
                }
            }
            for (int offset : AddressAssignment.registerOffsets(format)) {
                addresses.add(address + offset);
            }
            JsonNode scaling = item.get("scaling_factors");
            if (scaling != null && !scaling.isNull()) {
                factors = scalingFactors(scaling, format, addresses, where);
            }
        }
        Map<Integer, MetadataTemplate> metadata = new LinkedHashMap<>();
        JsonNode meta = item.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) {
                throw new ModbusConfigException(where + ": metadata must be an object keyed by value address, not " + kind(meta));
            }
            for (Map.Entry<String, JsonNode> entry : meta.properties()) {
                Integer a = valueAddress(entry.getKey(), addresses, where, "metadata");
                if (a != null) {
                    metadata.put(a, metadata(entry.getValue(), where + ": metadata for address " + a));
                }
            }
        }
        return new ReadRange(function, index, address, count, unit, format, this.options.wordOrder(), addresses, factors,
                metadata);
    }

    private Map<Integer, Double> scalingFactors(JsonNode node, StructFormat format, List<Integer> addresses, String where)
            throws ModbusConfigException {
        if (!node.isObject()) {
            throw new ModbusConfigException(where + ": scaling_factors must be an object keyed by value address, not "
                    + kind(node));
        }
        Map<Integer, Double> factors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Integer a = valueAddress(entry.getKey(), addresses, where, "scaling_factors");
            if (a == null) {
                continue;
            }
            if (!entry.getValue().isNumber()) {
                throw new ModbusConfigException(where + ": scaling factor for address " + a + " must be a number, not "
                        + show(entry.getValue()));
            }
            StructCode code = format.fields().get(addresses.indexOf(a)).code();
            if (code.kind() == StructCode.Kind.CHAR) {
                throw new ModbusConfigException(where + ": scaling factor for address " + a + " applies to a 'c' value,"
                        + " which is not a number");
            }
            factors.put(a, entry.getValue().doubleValue());
        }
        return factors;
    }

    // Keys of scaling_factors and metadata are value addresses as BEMCom prints them: str(address).
    private Integer valueAddress(String key, List<Integer> addresses, String where, String what)
            throws ModbusConfigException {
        for (int a : addresses) {
            if (key.equals(String.valueOf(a))) {
                return a;
            }
        }
        unused(where + ": " + what + " key '" + key + "' is not the address of a value in this range");
        return null;
    }

    private WriteItem parseWrite(ModbusFunction function, int index, JsonNode item) throws ModbusConfigException {
        int address = intField(item, "address", 0, LAST_ADDRESS, function.key() + " item " + index);
        String where = function.key() + " item at address " + address;
        checkKeys(item, WRITE_KEYS, function, where);
        int unit = intField(item, "unit", 0, 255, where);
        StructFormat format = null;
        int registers = 1;
        if (!function.isBits()) {
            format = datatypes(item, where);
            if (format.valueCount() != 1) {
                throw new ModbusConfigException(where + ": datatypes '" + format + "' describe " + format.valueCount()
                        + " values, but a write item's datatypes describe exactly one");
            }
            StructCode code = format.fields().get(0).code();
            if (code.kind() == StructCode.Kind.CHAR || code.kind() == StructCode.Kind.STRING
                    || code.kind() == StructCode.Kind.PASCAL_STRING) {
                throw new ModbusConfigException(where + ": datatypes '" + format + "' cannot be written: a JSON value cannot"
                        + " be packed as '" + code.character() + "'");
            }
            int size = format.byteSize();
            if (function == ModbusFunction.WRITE_REGISTER && size != 2) {
                throw new ModbusConfigException(where + ": datatypes '" + format + "' describe " + size + " bytes, but"
                        + " write_register writes exactly one register (2 bytes)"
                        + (size > 2 ? "; use write_registers" : "; pad 1-byte values with 'x'"));
            }
            if (size % 2 != 0) {
                throw new ModbusConfigException(where + ": datatypes '" + format + "' describe " + size
                        + " bytes, not a whole number of registers (pad 1-byte values with 'x')");
            }
            registers = size / 2;
            checkEnd(address, registers, where, "address");
        }
        Object example = javaValue(item.get("example_value"));
        Double factor = null;
        JsonNode factorNode = item.get("scaling_factor");
        if (factorNode != null && !factorNode.isNull()) {
            if (!factorNode.isNumber()) {
                throw new ModbusConfigException(where + ": scaling_factor must be a number, not " + show(factorNode));
            }
            factor = factorNode.doubleValue();
        }
        CompanionWrite companion = null;
        boolean hasAddress = item.hasNonNull("companion_address");
        if (hasAddress != item.has("companion_value")) {
            throw new ModbusConfigException(where + ": companion_address and companion_value go together, but only "
                    + (hasAddress ? "companion_address" : "companion_value") + " is given");
        }
        if (hasAddress) {
            int companionAddress = intField(item, "companion_address", 0, LAST_ADDRESS, where);
            checkEnd(companionAddress, registers, where, "companion_address");
            companion = new CompanionWrite(companionAddress, javaValue(item.get("companion_value")));
        }
        JsonNode meta = item.get("metadata");
        MetadataTemplate metadata = meta == null || meta.isNull() ? MetadataTemplate.NONE : metadata(meta, where + ": metadata");
        try {
            return new WriteItem(function, address, unit, format, this.options.wordOrder(), example, factor, companion, metadata);
        } catch (ModbusValueException e) {
            throw new ModbusConfigException(where + ": " + e.getMessage(), e);
        }
    }

    private void checkEnd(int start, int registers, String where, String field) throws ModbusConfigException {
        if (start + registers - 1 > LAST_ADDRESS) {
            throw new ModbusConfigException(where + ": " + field + " " + start + " plus " + registers + " registers reaches "
                    + (start + registers - 1) + ", beyond the last Modbus address " + LAST_ADDRESS);
        }
    }

    private StructFormat datatypes(JsonNode item, String where) throws ModbusConfigException {
        JsonNode node = item.get("datatypes");
        if (node == null || node.isNull()) {
            throw new ModbusConfigException(where + ": datatypes is missing");
        }
        if (!node.isTextual()) {
            throw new ModbusConfigException(where + ": datatypes must be a string, not " + show(node));
        }
        StructFormat format;
        try {
            format = StructFormat.parse(node.textValue());
            format.checkWordOrder(this.options.wordOrder());
        } catch (StructException e) {
            throw new ModbusConfigException(where + ": datatypes '" + node.textValue() + "': " + e.getMessage(), e);
        }
        return format;
    }

    private MetadataTemplate metadata(JsonNode node, String where) throws ModbusConfigException {
        if (!node.isObject()) {
            throw new ModbusConfigException(where + " must be an object, not " + kind(node));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!METADATA_KEYS.contains(entry.getKey())) {
                unused(where + ": unknown key '" + entry.getKey() + "'");
            }
        }
        DataFormat format = null;
        String formatName = text(node, "data_format", where);
        if (formatName != null) {
            try {
                format = DataFormat.parse(formatName);
            } catch (IllegalArgumentException e) {
                throw new ModbusConfigException(where + ": " + e.getMessage(), e);
            }
        }
        JsonNode allowed = node.get("allowed_values");
        if (allowed != null && !allowed.isNull() && !allowed.isArray()) {
            throw new ModbusConfigException(where + ": allowed_values must be a list, not " + kind(allowed));
        }
        @SuppressWarnings("unchecked")
        List<Object> allowedValues = allowed == null || allowed.isNull() ? null : (List<Object>) javaValue(allowed);
        return new MetadataTemplate(format, text(node, "unit", where), text(node, "description", where),
                number(node, "min_value", where), number(node, "max_value", where), allowedValues);
    }

    private static String text(JsonNode node, String field, String where) throws ModbusConfigException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ModbusConfigException(where + ": " + field + " must be a string, not " + show(v));
        }
        return v.textValue();
    }

    private static Double number(JsonNode node, String field, String where) throws ModbusConfigException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new ModbusConfigException(where + ": " + field + " must be a number, not " + show(v));
        }
        return v.doubleValue();
    }

    private void checkKeys(JsonNode item, Set<String> known, ModbusFunction function, String where)
            throws ModbusConfigException {
        for (Map.Entry<String, JsonNode> entry : item.properties()) {
            String key = entry.getKey();
            if (!known.contains(key)) {
                unused(where + ": unknown key '" + key + "'");
            } else if (function.isBits() && REGISTER_ONLY_KEYS.contains(key)) {
                unused(where + ": '" + key + "' is not used by " + function.key() + ", which reads or writes bits");
            }
        }
    }

    private static int intField(JsonNode item, String field, int min, int max, String where) throws ModbusConfigException {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            throw new ModbusConfigException(where + ": " + field + " is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ModbusConfigException(where + ": " + field + " must be an integer, not " + show(v));
        }
        long value = v.longValue();
        if (value < min || value > max) {
            throw new ModbusConfigException(where + ": " + field + " " + value + " is outside " + min + ".." + max);
        }
        return (int) value;
    }

    private void unused(String message) throws ModbusConfigException {
        if (!this.options.lenient()) {
            throw new ModbusConfigException(message);
        }
        this.warnings.add(message + " (ignored)");
    }

    private static Object javaValue(JsonNode node) throws ModbusConfigException {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, Object.class);
        } catch (JsonProcessingException e) {
            throw new ModbusConfigException("cannot read JSON value " + show(node) + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String show(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }
}
