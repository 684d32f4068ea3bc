package org.bemgate.modbus.internal.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointMetadata;

/**
 * Metadata for the datapoints of a range or write item, from bemgate's optional {@code metadata}
 * object (BEMCom's field names of §5.2). Anything not given stays BEMCom's default: data format
 * {@code unknown}, no unit.
 *
 * @param dataFormat the data format, or null
 * @param unit the unit, or null
 * @param description the description, or null
 * @param minValue the lower bound, or null
 * @param maxValue the upper bound, or null
 * @param allowedValues the allowed values, or null
 */
public record MetadataTemplate(DataFormat dataFormat, String unit, String description, Double minValue, Double maxValue,
        List<Object> allowedValues) {

    /** No metadata. */
    public static final MetadataTemplate NONE = new MetadataTemplate(null, null, null, null, null, null);

    /** Copies the allowed values. */
    public MetadataTemplate {
        allowedValues = allowedValues == null ? null : Collections.unmodifiableList(new ArrayList<>(allowedValues));
    }

    /**
     * @param builder a metadata builder
     * @return the builder with every field this template sets
     */
    public DatapointMetadata.Builder applyTo(DatapointMetadata.Builder builder) {
        return builder.dataFormat(this.dataFormat).unit(this.unit).description(this.description).minValue(this.minValue)
                .maxValue(this.maxValue).allowedValues(this.allowedValues);
    }
}
