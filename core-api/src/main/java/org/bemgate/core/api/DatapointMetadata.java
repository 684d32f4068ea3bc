package org.bemgate.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What is known about a datapoint apart from its messages: BEMCom's datapoint metadata.
 *
 * <p>Instances are immutable; create them with {@link #builder(DatapointId, DatapointType)} and
 * change them with {@link #toBuilder()}.
 */
public final class DatapointMetadata {

    private final DatapointId id;
    private final DatapointType type;
    private final DataFormat dataFormat;
    private final String unit;
    private final String description;
    private final String shortName;
    private final Double minValue;
    private final Double maxValue;
    private final List<Object> allowedValues;
    private final Object exampleValue;

    private DatapointMetadata(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.type = Objects.requireNonNull(b.type, "type");
        this.dataFormat = b.dataFormat == null ? DataFormat.UNKNOWN : b.dataFormat;
        this.unit = b.unit == null ? "" : b.unit;
        this.description = b.description == null ? "" : b.description;
        this.shortName = b.shortName == null || b.shortName.isEmpty() ? null : b.shortName;
        this.minValue = b.minValue;
        this.maxValue = b.maxValue;
        this.allowedValues = b.allowedValues == null ? null : Collections.unmodifiableList(new ArrayList<>(b.allowedValues));
        this.exampleValue = b.exampleValue;
    }

    /**
     * Starts a builder.
     *
     * @param id the datapoint's id
     * @param type sensor or actuator
     * @return a builder with data format {@code unknown} and no other metadata
     */
    public static Builder builder(DatapointId id, DatapointType type) {
        Builder b = new Builder();
        b.id = id;
        b.type = type;
        return b;
    }

    /** @return a builder holding this metadata, to derive a changed copy */
    public Builder toBuilder() {
        Builder b = builder(id, type);
        b.dataFormat = dataFormat;
        b.unit = unit;
        b.description = description;
        b.shortName = shortName;
        b.minValue = minValue;
        b.maxValue = maxValue;
        b.allowedValues = allowedValues;
        b.exampleValue = exampleValue;
        return b;
    }

    /** @return the datapoint's id */
    public DatapointId id() {
        return id;
    }

    /** @return sensor or actuator */
    public DatapointType type() {
        return type;
    }

    /** @return the data format; {@link DataFormat#UNKNOWN} when none was given */
    public DataFormat dataFormat() {
        return dataFormat;
    }

    /** @return the unit of numeric values, such as {@code °C}; empty when none */
    public String unit() {
        return unit;
    }

    /** @return a free text description; empty when none */
    public String description() {
        return description;
    }

    /** @return a short name chosen by the operator, or null */
    public String shortName() {
        return shortName;
    }

    /** @return the lower bound of {@code continuous_numeric} values, or null for none */
    public Double minValue() {
        return minValue;
    }

    /** @return the upper bound of {@code continuous_numeric} values, or null for none */
    public Double maxValue() {
        return maxValue;
    }

    /** @return the values a {@code discrete_*} datapoint accepts (unmodifiable), or null */
    public List<Object> allowedValues() {
        return allowedValues;
    }

    /** @return an example of the datapoint's values as the connector reported it, or null */
    public Object exampleValue() {
        return exampleValue;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DatapointMetadata)) {
            return false;
        }
        DatapointMetadata m = (DatapointMetadata) o;
        return id.equals(m.id) && type == m.type && dataFormat == m.dataFormat && unit.equals(m.unit)
                && description.equals(m.description) && Objects.equals(shortName, m.shortName)
                && Objects.equals(minValue, m.minValue) && Objects.equals(maxValue, m.maxValue)
                && Objects.equals(allowedValues, m.allowedValues) && Objects.equals(exampleValue, m.exampleValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, dataFormat, unit, description, shortName, minValue, maxValue, allowedValues);
    }

    @Override
    public String toString() {
        return id + " (" + type.bemcomName() + ", " + dataFormat.bemcomName() + (unit.isEmpty() ? "" : ", " + unit) + ")";
    }

    /** Builds {@link DatapointMetadata}; every setter returns the builder. */
    public static final class Builder {
        private DatapointId id;
        private DatapointType type;
        private DataFormat dataFormat;
        private String unit;
        private String description;
        private String shortName;
        private Double minValue;
        private Double maxValue;
        private List<Object> allowedValues;
        private Object exampleValue;

        private Builder() {
        }

        /** @param v the data format; null means {@code unknown} @return this builder */
        public Builder dataFormat(DataFormat v) {
            this.dataFormat = v;
            return this;
        }

        /** @param v the unit; null means none @return this builder */
        public Builder unit(String v) {
            this.unit = v;
            return this;
        }

        /** @param v the description; null means none @return this builder */
        public Builder description(String v) {
            this.description = v;
            return this;
        }

        /** @param v the short name; null or empty means none @return this builder */
        public Builder shortName(String v) {
            this.shortName = v;
            return this;
        }

        /** @param v the lower bound, or null @return this builder */
        public Builder minValue(Double v) {
            this.minValue = v;
            return this;
        }

        /** @param v the upper bound, or null @return this builder */
        public Builder maxValue(Double v) {
            this.maxValue = v;
            return this;
        }

        /** @param v the allowed values of a discrete datapoint, or null @return this builder */
        public Builder allowedValues(List<?> v) {
            this.allowedValues = v == null ? null : new ArrayList<>(v);
            return this;
        }

        /** @param v an example value, or null @return this builder */
        public Builder exampleValue(Object v) {
            this.exampleValue = v;
            return this;
        }

        /** @return the metadata */
        public DatapointMetadata build() {
            return new DatapointMetadata(this);
        }
    }
}
