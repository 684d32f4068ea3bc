package org.bemgate.modbus.internal.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;

/**
 * BEMCom's {@code MODBUS_CONFIG} (§10.2), accepted unchanged and checked completely when loaded, plus
 * bemgate's optional item keys:
 *
 * <ul>
 * <li>read items: {@code metadata}, an object keyed by value address like {@code scaling_factors},
 * each holding {@code data_format}, {@code unit}, {@code description}, {@code min_value},
 * {@code max_value}, {@code allowed_values};</li>
 * <li>write items: {@code metadata} (one such object), {@code scaling_factor} (registers only: the
 * value is multiplied before encoding, as Fronius's connector does), and {@code companion_address}
 * with {@code companion_value}, a fixed value written after the item's own (§11).</li>
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class ModbusConfig {

    private final List<ReadRange> readRanges;
    private final List<WriteItem> writeItems;
    private final Map<String, WriteItem> writeItemsByKey;
    private final List<String> warnings;
    private final ModbusCodecOptions options;

    ModbusConfig(List<ReadRange> readRanges, List<WriteItem> writeItems, List<String> warnings, ModbusCodecOptions options) {
        this.readRanges = List.copyOf(readRanges);
        this.writeItems = List.copyOf(writeItems);
        Map<String, WriteItem> byKey = new LinkedHashMap<>();
        for (WriteItem item : writeItems) {
            byKey.put(item.key(), item);
        }
        this.writeItemsByKey = Collections.unmodifiableMap(byKey);
        this.warnings = List.copyOf(warnings);
        this.options = options;
    }

    /**
     * Parses with the default options: BEMCom's word order, strict keys.
     *
     * @param json the {@code MODBUS_CONFIG} JSON text
     * @return the checked configuration
     * @throws ModbusConfigException naming the range and the problem
     */
    public static ModbusConfig parse(String json) throws ModbusConfigException {
        return parse(json, ModbusCodecOptions.DEFAULTS);
    }

    /**
     * @param json the {@code MODBUS_CONFIG} JSON text
     * @param options word order and key strictness
     * @return the checked configuration
     * @throws ModbusConfigException naming the range and the problem
     */
    public static ModbusConfig parse(String json, ModbusCodecOptions options) throws ModbusConfigException {
        return new ModbusConfigParser(options).parse(json);
    }

    /** @return the read ranges in configuration order (function keys, then items) */
    public List<ReadRange> readRanges() {
        return this.readRanges;
    }

    /** @return the write items in configuration order */
    public List<WriteItem> writeItems() {
        return this.writeItems;
    }

    /**
     * @param key an actuator key such as {@code write_register__1__1}
     * @return its write item; empty for an unknown key, which BEMCom warns about and does not write
     */
    public Optional<WriteItem> writeItem(String key) {
        return Optional.ofNullable(this.writeItemsByKey.get(key));
    }

    /** @return the actuator section of available datapoints: key to {@code example_value}, in order */
    public Map<String, Object> actuatorExampleValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (WriteItem item : this.writeItems) {
            out.put(item.key(), item.exampleValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return every sensor key the read ranges can produce, without duplicates, in order */
    public List<String> sensorKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (ReadRange range : this.readRanges) {
            keys.addAll(range.keys());
        }
        return List.copyOf(keys);
    }

    /**
     * Metadata of every sensor datapoint, without example values: those come with the first value read.
     * Where ranges overlap, the later range's metadata wins, as its values do.
     *
     * @param connector the connector name
     * @return one entry per sensor key, in order
     * @throws IllegalArgumentException if the connector name is not valid
     */
    public List<DatapointMetadata> sensorMetadata(String connector) {
        return List.copyOf(sensorMetadataByKey(connector).values());
    }

    /**
     * @param connector the connector name
     * @return one entry per write item, with its {@code example_value}
     * @throws IllegalArgumentException if the connector name is not valid
     */
    public List<DatapointMetadata> actuatorMetadata(String connector) {
        List<DatapointMetadata> out = new ArrayList<>();
        for (WriteItem item : this.writeItems) {
            DatapointMetadata.Builder b = DatapointMetadata.builder(DatapointId.of(connector, item.key()), DatapointType.ACTUATOR);
            out.add(item.metadata().applyTo(b).exampleValue(item.exampleValue()).build());
        }
        return Collections.unmodifiableList(out);
    }

    private Map<String, DatapointMetadata> sensorMetadataByKey(String connector) {
        Map<String, DatapointMetadata> out = new LinkedHashMap<>();
        for (ReadRange range : this.readRanges) {
            for (int a : range.valueAddresses()) {
                String key = ModbusKeys.key(range.function(), range.unit(), a);
                DatapointMetadata.Builder b = DatapointMetadata.builder(DatapointId.of(connector, key), DatapointType.SENSOR);
                out.put(key, range.metadata(a).applyTo(b).build());
            }
        }
        return out;
    }

    /** @return keys that were ignored in lenient mode, one message each */
    public List<String> warnings() {
        return this.warnings;
    }

    /** @return the options the configuration was parsed with */
    public ModbusCodecOptions options() {
        return this.options;
    }
}
