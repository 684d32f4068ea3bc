package org.bemgate.modbus.internal.codec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One item of a {@code read_*} list of {@code MODBUS_CONFIG}: which requests to send, and how the
 * registers or bits they return become datapoint values (§10.4–§10.8).
 *
 * <p>Usage: send every request of {@link #requests()}, then pass the responses, in order, to
 * {@link #decodeRegisterChunks(List)} or {@link #decodeBits(boolean[])}. Merge the maps of all ranges in
 * configuration order into one map: a later range overwrites the keys of an earlier one, as in
 * BEMCom (§10.9).
 */
public final class ReadRange {

    private final ModbusFunction function;
    private final int index;
    private final int address;
    private final int count;
    private final int unit;
    private final StructFormat datatypes;
    private final WordOrder wordOrder;
    private final List<Integer> valueAddresses;
    private final Map<Integer, Double> scalingFactors;
    private final Map<Integer, MetadataTemplate> metadata;
    private final List<ReadRequest> requests;
    /** Keys are formed once: a poll of 500 values would otherwise build 500 strings every time. */
    private final List<String> keys;

    ReadRange(ModbusFunction function, int index, int address, int count, int unit, StructFormat datatypes,
            WordOrder wordOrder, List<Integer> valueAddresses, Map<Integer, Double> scalingFactors,
            Map<Integer, MetadataTemplate> metadata) {
        this.function = function;
        this.index = index;
        this.address = address;
        this.count = count;
        this.unit = unit;
        this.datatypes = datatypes;
        this.wordOrder = wordOrder;
        this.valueAddresses = List.copyOf(valueAddresses);
        this.scalingFactors = Collections.unmodifiableMap(new LinkedHashMap<>(scalingFactors));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        List<ReadRequest> planned = new ArrayList<>();
        for (int[] chunk : RequestSplitter.split(count, function.maxPerRequest(),
                register -> datatypes == null || datatypes.isValueBoundary(2 * register))) {
            planned.add(new ReadRequest(function, unit, address + chunk[0], chunk[1], chunk[0]));
        }
        this.requests = List.copyOf(planned);
        List<String> k = new ArrayList<>(this.valueAddresses.size());
        for (int a : this.valueAddresses) {
            k.add(ModbusKeys.key(function, unit, a));
        }
        this.keys = List.copyOf(k);
    }

    /** @return the read function */
    public ModbusFunction function() {
        return this.function;
    }

    /** @return the position of this range in its function's list, BEMCom's raw-message index */
    public int index() {
        return this.index;
    }

    /** @return the first register or bit */
    public int address() {
        return this.address;
    }

    /** @return how many registers or bits */
    public int count() {
        return this.count;
    }

    /** @return the unit id */
    public int unit() {
        return this.unit;
    }

    /** @return the parsed {@code datatypes}, or null for coils and discrete inputs */
    public StructFormat datatypes() {
        return this.datatypes;
    }

    /** @return the address of each value, in decoding order */
    public List<Integer> valueAddresses() {
        return this.valueAddresses;
    }

    /** @return the datapoint key of each value, in decoding order */
    public List<String> keys() {
        return this.keys;
    }

    /** @return scaling factors by value address (holding and input registers only) */
    public Map<Integer, Double> scalingFactors() {
        return this.scalingFactors;
    }

    /**
     * @param valueAddress a value's address
     * @return the metadata configured for it, or {@link MetadataTemplate#NONE}
     */
    public MetadataTemplate metadata(int valueAddress) {
        return this.metadata.getOrDefault(valueAddress, MetadataTemplate.NONE);
    }

    /** @return the requests that read this range, each within the protocol's limit, in order */
    public List<ReadRequest> requests() {
        return this.requests;
    }

    /** @return how error messages name this range, such as {@code read_coils range at address 10} */
    public String describe() {
        return this.function.key() + " range at address " + this.address;
    }

    /**
     * Decodes the responses to {@link #requests()}.
     *
     * @param chunks one register array per request, in order
     * @return values by datapoint key, in decoding order
     * @throws IllegalArgumentException if the chunks do not match the requests
     */
    public Map<String, Object> decodeRegisterChunks(List<int[]> chunks) {
        return decodeRegisterChunks(chunks, new LinkedHashMap<>(this.valueAddresses.size() * 4 / 3 + 1));
    }

    /**
     * As {@link #decodeRegisterChunks(List)}, into a map the caller holds: a poll collects all ranges in
     * one map instead of copying each range's map into it.
     *
     * @param chunks the registers of each request, in request order
     * @param into where the values go, by datapoint key; later keys overwrite earlier ones
     * @return {@code into}
     */
    public Map<String, Object> decodeRegisterChunks(List<int[]> chunks, Map<String, Object> into) {
        if (chunks.size() != this.requests.size()) {
            throw new IllegalArgumentException(describe() + ": expected " + this.requests.size() + " responses, got "
                    + chunks.size());
        }
        int[] all = new int[this.count];
        for (int i = 0; i < chunks.size(); i++) {
            ReadRequest request = this.requests.get(i);
            int[] chunk = chunks.get(i);
            if (chunk.length != request.count()) {
                throw new IllegalArgumentException(describe() + ": response " + i + " holds " + chunk.length
                        + " registers, expected " + request.count());
            }
            System.arraycopy(chunk, 0, all, request.offset(), chunk.length);
        }
        return decodeRegisters(all, into);
    }

    /**
     * Decodes the registers of the whole range, then applies the scaling factors.
     *
     * @param registers exactly {@link #count()} 16-bit unsigned values
     * @return values by datapoint key, in decoding order
     * @throws IllegalArgumentException if the registers do not match the range
     */
    public Map<String, Object> decodeRegisters(int[] registers) {
        return decodeRegisters(registers, new LinkedHashMap<>(this.valueAddresses.size() * 4 / 3 + 1));
    }

    private Map<String, Object> decodeRegisters(int[] registers, Map<String, Object> out) {
        if (this.datatypes == null) {
            throw new IllegalArgumentException(describe() + " holds bits, not registers");
        }
        if (registers.length != this.count) {
            throw new IllegalArgumentException(describe() + ": expected " + this.count + " registers, got " + registers.length);
        }
        List<Object> values = this.datatypes.unpackRegisters(registers, this.wordOrder);
        int n = this.valueAddresses.size();
        boolean scaled = !this.scalingFactors.isEmpty();
        for (int i = 0; i < n; i++) {
            Object value = values.get(i);
            Double factor = scaled ? this.scalingFactors.get(this.valueAddresses.get(i)) : null;
            if (factor != null) {
                value = toDouble(value) * factor;
            }
            out.put(this.keys.get(i), value);
        }
        return out;
    }

    /**
     * Decodes coils or discrete inputs: the first {@link #count()} bits, one per address (§10.7).
     *
     * @param bits at least {@link #count()} bits; libraries may pad to a multiple of 8
     * @return JSON booleans by datapoint key, in address order
     * @throws IllegalArgumentException if this range holds registers or too few bits are given
     */
    public Map<String, Object> decodeBits(boolean[] bits) {
        if (this.datatypes != null) {
            throw new IllegalArgumentException(describe() + " holds registers, not bits");
        }
        if (bits.length < this.count) {
            throw new IllegalArgumentException(describe() + ": expected " + this.count + " bits, got " + bits.length);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < this.count; i++) {
            out.put(ModbusKeys.key(this.function, this.unit, this.address + i), bits[i]);
        }
        return out;
    }

    // Python's float(value) for what unpack returns; the configuration rejects factors on 'c' values.
    private static double toDouble(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? 1.0 : 0.0;
        }
        if (value instanceof BigInteger big) {
            return big.doubleValue();
        }
        return ((Number) value).doubleValue();
    }

    @Override
    public String toString() {
        return describe() + " (unit " + this.unit + ", count " + this.count
                + (this.datatypes == null ? "" : ", datatypes '" + this.datatypes + "'") + ")";
    }
}
