package org.bemgate.ieee20305.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bemgate.core.api.DataFormat;
import org.bemgate.core.api.DatapointId;
import org.bemgate.core.api.DatapointMetadata;
import org.bemgate.core.api.DatapointType;
import org.bemgate.ieee20305.internal.ActiveLimits.Applied;
import org.bemgate.ieee20305.internal.ActiveLimits.Evaluation;
import org.bemgate.ieee20305.internal.ActiveLimits.Mode;
import org.bemgate.ieee20305.internal.codec.DerControl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The connector's datapoints, all sensors: the aggregator's identity and, per site
 * ({@code <site>__<field>}), its registration and, per control mode, the value in force with its
 * source and time window (epoch ms; none for a default), plus the active and scheduled controls as
 * JSON.
 */
final class Datapoints {

    static final String AGGREGATOR_LFDI = "aggregatorLfdi";
    static final String AGGREGATOR_SFDI = "aggregatorSfdi";
    static final String TIME_OFFSET = "serverTimeOffsetMillis";
    static final String END_DEVICE = "endDevice";
    static final String LFDI = "lfdi";
    static final String SFDI = "sfdi";
    static final String REGISTRATION = "registration";
    static final String ACTIVE = "activeControls";
    static final String SCHEDULED = "scheduledControls";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Datapoints() {
    }

    static String key(String site, String field) {
        return site + "__" + field;
    }

    static Set<String> keys(List<DeviceSpec> devices) {
        Set<String> keys = new LinkedHashSet<>();
        all("x", devices).forEach(m -> keys.add(m.id().key()));
        return keys;
    }

    static List<DatapointMetadata> all(String connector, List<DeviceSpec> devices) {
        List<DatapointMetadata> all = new ArrayList<>();
        all.add(sensor(connector, AGGREGATOR_LFDI, DataFormat.GENERIC_TEXT, "", "The aggregator's LFDI (from its client certificate)"));
        all.add(sensor(connector, AGGREGATOR_SFDI, DataFormat.GENERIC_NUMERIC, "", "The aggregator's SFDI, with its check digit"));
        all.add(sensor(connector, TIME_OFFSET, DataFormat.GENERIC_NUMERIC, "ms", "The server's clock minus the gateway's; control "
                + "windows are judged on the server's clock"));
        for (DeviceSpec d : devices) {
            String s = d.id();
            all.add(sensor(connector, key(s, END_DEVICE), DataFormat.GENERIC_TEXT, "", "The site's EndDevice on the server"));
            all.add(sensor(connector, key(s, LFDI), DataFormat.GENERIC_TEXT, "", "The site's LFDI"));
            all.add(sensor(connector, key(s, SFDI), DataFormat.GENERIC_NUMERIC, "", "The site's SFDI"));
            all.add(sensor(connector, key(s, REGISTRATION), DataFormat.GENERIC_TEXT, "", "'registered', or why not (yet)"));
            for (Mode m : Mode.values()) {
                all.add(sensor(connector, key(s, m.key), m.format(), m.unit, m.description + "; from the active control, else the "
                        + "program's default"));
                all.add(sensor(connector, key(s, m.key + "__source"), DataFormat.GENERIC_TEXT, "", "Where " + m.key + " comes from: "
                        + "'control <mRID>', 'default <mRID>' or 'none'"));
                all.add(sensor(connector, key(s, m.key + "__start"), DataFormat.GENERIC_NUMERIC, "ms", "Start of the window of " + m.key
                        + " (epoch ms); null for a default"));
                all.add(sensor(connector, key(s, m.key + "__end"), DataFormat.GENERIC_NUMERIC, "ms", "End of the window of " + m.key
                        + " (epoch ms, exclusive); null for a default"));
            }
            all.add(sensor(connector, key(s, ACTIVE), DataFormat.GENERIC_TEXT, "", "The active DER controls as JSON, the winning one "
                    + "first: [{mrid, description, start, end, modes}]"));
            all.add(sensor(connector, key(s, SCHEDULED), DataFormat.GENERIC_TEXT, "", "The DER controls still to start, as JSON, "
                    + "soonest first"));
        }
        return all;
    }

    /** @return the values of one site's control datapoints for an evaluation */
    static Map<String, Object> values(String site, Evaluation e) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Map.Entry<Mode, Applied> m : e.modes().entrySet()) {
            String k = m.getKey().key;
            Applied a = m.getValue();
            v.put(key(site, k), a.value());
            v.put(key(site, k + "__source"), a.source());
            v.put(key(site, k + "__start"), a.startMillis());
            v.put(key(site, k + "__end"), a.endMillis());
        }
        v.put(key(site, ACTIVE), json(e.active()));
        v.put(key(site, SCHEDULED), json(e.upcoming()));
        return v;
    }

    private static String json(List<DerControl> controls) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DerControl c : controls) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mrid", c.mrid());
            m.put("description", c.description());
            m.put("start", c.start() * 1000);
            m.put("end", c.end() * 1000);
            Map<String, Object> modes = new LinkedHashMap<>();
            for (Mode mode : Mode.values()) {
                Object v = mode.value.apply(c.base());
                if (v != null) {
                    modes.put(mode.key, v);
                }
            }
            m.put("modes", modes);
            list.add(m);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DatapointMetadata sensor(String connector, String key, DataFormat format, String unit, String description) {
        return DatapointMetadata.builder(DatapointId.of(connector, key), DatapointType.SENSOR).dataFormat(format).unit(unit)
                .description(description).build();
    }
}
