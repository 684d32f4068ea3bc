package org.bemgate.ieee20305.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.bemgate.ieee20305.internal.codec.DerAvailability;
import org.bemgate.ieee20305.internal.codec.DerCapability;
import org.bemgate.ieee20305.internal.codec.DerSettings;
import org.bemgate.ieee20305.internal.codec.DerStatus;
import org.bemgate.ieee20305.internal.codec.DeviceIds;
import org.bemgate.ieee20305.internal.codec.DeviceInformation;
import org.bemgate.ieee20305.internal.codec.Power;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One site the aggregator registers, from the {@code devices} JSON: its identity (LFDI, SFDI, device
 * category), NMI, the DER nameplate and optional settings, status, availability and device
 * information. The resources carry time 0 here; {@code at(now)} stamps them when sent.
 *
 * @param id the operator's id, the first part of the device's datapoint keys
 * @param lfdi 40 hex digits, given or derived from the aggregator's LFDI and the id
 * @param sfdi from the LFDI
 * @param deviceCategory DeviceCategoryType bits
 * @param postRate seconds, or null
 * @param nmi the connection point id, or null
 * @param capability the DERCapability
 * @param settings the DERSettings (defaults from the capability)
 * @param status the DERStatus to send, or null
 * @param availability the DERAvailability to send, or null
 * @param information the DeviceInformation to send where the server takes it, or null
 */
record DeviceSpec(String id, String lfdi, long sfdi, long deviceCategory, Long postRate, String nmi, DerCapability capability,
        DerSettings settings, DerStatus status, DerAvailability availability, DeviceInformation information) {

    /** Bit 18: virtual or mixed DER, what a site behind an aggregator is by default. */
    static final long DEFAULT_CATEGORY = 0x040000;
    /** opModConnect, opModEnergize and opModMaxLimW. */
    static final long DEFAULT_MODES = 0x10000C;
    /** All four CSIP-AUS limits. */
    static final long DEFAULT_DOE_MODES = 0x0F;
    /** AS/NZS 4777.2's default ramp, 16.67 %/min, in hundredths of a percent per second. */
    static final int DEFAULT_GRAD_W = 27;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    DerSettings settingsAt(long now) {
        DerSettings s = settings;
        return new DerSettings(null, s.modesEnabled(), s.setGradW(), s.setMaxChargeRateW(), s.setMaxDischargeRateW(), s.setMaxVA(),
                s.setMaxW(), s.setMaxWh(), now, s.doeModesEnabled());
    }

    DerStatus statusAt(long now) {
        DerStatus s = status;
        return new DerStatus(null, s.genConnectStatus(), s.inverterStatus(), s.operationalModeStatus(), now, s.stateOfChargeStatus(),
                s.storConnectStatus());
    }

    DerAvailability availabilityAt(long now) {
        DerAvailability a = availability;
        return new DerAvailability(null, a.availabilityDuration(), a.maxChargeDuration(), now, a.reserveChargePercent(),
                a.reservePercent(), a.statVarAvail(), a.statWAvail());
    }

    /**
     * Parses the {@code devices} property.
     *
     * @param json a JSON array
     * @param aggregatorLfdi the aggregator's LFDI, for derived device LFDIs
     * @return the devices
     * @throws IllegalArgumentException naming the entry and field, such as {@code devices[0].der.rtgMaxW: …}
     */
    static List<DeviceSpec> parseAll(String json, String aggregatorLfdi) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("devices: not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("devices: expected a JSON array of sites");
        }
        List<DeviceSpec> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> lfdis = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            DeviceSpec d = parse(new Fields(root.get(i), "devices[" + i + "]"), aggregatorLfdi);
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("devices[" + i + "].id: '" + d.id() + "' is used twice");
            }
            if (!lfdis.add(d.lfdi())) {
                throw new IllegalArgumentException("devices[" + i + "].lfdi: " + d.lfdi() + " is used twice");
            }
            all.add(d);
        }
        return List.copyOf(all);
    }

    private static DeviceSpec parse(Fields f, String aggregatorLfdi) {
        f.only("id", "lfdi", "deviceCategory", "postRate", "nmi", "der", "settings", "status", "availability", "deviceInformation");
        String id = f.text("id", null);
        if (id == null || !ID.matcher(id).matches()) {
            throw f.problem("id", "required: letters, digits, '-' and '_'");
        }
        String lfdi;
        String given = f.text("lfdi", null);
        if (given == null) {
            lfdi = DeviceIds.derivedLfdi(aggregatorLfdi, id);
        } else {
            try {
                lfdi = DeviceIds.normalize(given);
            } catch (IllegalArgumentException e) {
                throw f.problem("lfdi", e.getMessage());
            }
        }
        if (lfdi.equalsIgnoreCase(aggregatorLfdi)) {
            throw f.problem("lfdi", "must differ from the aggregator's own LFDI (the server refuses it with 403)");
        }
        String nmi = f.text("nmi", null);
        if (nmi != null && (nmi.isBlank() || nmi.length() > 32)) {
            throw f.problem("nmi", "1 to 32 characters (String32)");
        }
        Fields der = f.object("der", true);
        der.only("type", "rtgMaxW", "modesSupported", "doeModesSupported", "rtgMaxVA", "rtgMaxVar", "rtgMaxChargeRateW",
                "rtgMaxDischargeRateW", "rtgMaxWh");
        long modes = der.hex("modesSupported", DEFAULT_MODES, 32);
        long doeModes = der.hex("doeModesSupported", DEFAULT_DOE_MODES, 8);
        Power maxW = der.power("rtgMaxW", true);
        DerCapability cap = new DerCapability(null, modes, der.power("rtgMaxChargeRateW", false), der.power("rtgMaxDischargeRateW", false),
                der.power("rtgMaxVA", false), der.power("rtgMaxVar", false), maxW, der.power("rtgMaxWh", false),
                (int) der.integer("type", null, 0, 255), doeModes);
        Fields s = f.object("settings", false);
        s.only("setMaxW", "setGradW", "modesEnabled", "doeModesEnabled", "setMaxVA", "setMaxChargeRateW", "setMaxDischargeRateW",
                "setMaxWh");
        Power setMaxW = s.power("setMaxW", false);
        DerSettings settings = new DerSettings(null, s.hex("modesEnabled", modes, 32), (int) s.integer("setGradW", (long) DEFAULT_GRAD_W,
                0, 65_535), s.power("setMaxChargeRateW", false), s.power("setMaxDischargeRateW", false), s.power("setMaxVA", false),
                setMaxW == null ? maxW : setMaxW, s.power("setMaxWh", false), 0, s.hex("doeModesEnabled", doeModes, 8));
        DerStatus status = null;
        if (f.has("status")) {
            Fields st = f.object("status", true);
            st.only("genConnectStatus", "inverterStatus", "operationalModeStatus", "stateOfChargePercent", "storConnectStatus");
            status = new DerStatus(null, st.optHex("genConnectStatus", 8), st.optInt("inverterStatus", 0, 255),
                    st.optInt("operationalModeStatus", 0, 255), 0, st.hundredths("stateOfChargePercent"), st.optHex("storConnectStatus", 8));
        }
        DerAvailability availability = null;
        if (f.has("availability")) {
            Fields a = f.object("availability", true);
            a.only("availabilityDuration", "maxChargeDuration", "reserveChargePercent", "reservePercent", "statWAvail", "statVarAvail");
            availability = new DerAvailability(null, a.optLong("availabilityDuration"), a.optLong("maxChargeDuration"), 0,
                    a.hundredths("reserveChargePercent"), a.hundredths("reservePercent"), a.power("statVarAvail", false),
                    a.power("statWAvail", false));
        }
        DeviceInformation info = null;
        if (f.has("deviceInformation")) {
            Fields di = f.object("deviceInformation", true);
            di.only("mfId", "mfModel", "mfSerNum", "mfHwVer", "swVer", "mfInfo", "mfDate", "swActTime", "primaryPower", "secondaryPower",
                    "lat", "lon");
            String lat = di.text("lat", null);
            String lon = di.text("lon", null);
            if ((lat == null) != (lon == null)) {
                throw di.problem(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
            }
            info = new DeviceInformation(null, lat, lon, lfdi, di.integer("mfDate", 0L, 0, Long.MAX_VALUE), di.string32("mfHwVer", "-"),
                    di.integer("mfId", null, 0, 0xFFFF_FFFFL), di.text("mfInfo", null), di.string32("mfModel", null),
                    di.string32("mfSerNum", null), (int) di.integer("primaryPower", 1L, 0, 5), (int) di.integer("secondaryPower", 0L, 0, 5),
                    di.integer("swActTime", 0L, 0, Long.MAX_VALUE), di.string32("swVer", "-"));
        }
        Long postRate = f.has("postRate") ? f.integer("postRate", null, 1, 0xFFFF_FFFFL) : null;
        return new DeviceSpec(id, lfdi, DeviceIds.sfdi(lfdi), f.hex("deviceCategory", DEFAULT_CATEGORY, 32), postRate, nmi, cap, settings,
                status, availability, info);
    }

    /** A JSON object with the path of its fields, for messages. */
    private static final class Fields {
        private final JsonNode node;
        private final String path;

        Fields(JsonNode node, String path) {
            if (node != null && !node.isObject()) {
                throw new IllegalArgumentException(path + ": expected a JSON object");
            }
            this.node = node;
            this.path = path;
        }

        IllegalArgumentException problem(String field, String what) {
            return new IllegalArgumentException(path + "." + field + ": " + what);
        }

        boolean has(String field) {
            return node != null && node.hasNonNull(field);
        }

        void only(String... known) {
            if (node == null) {
                return;
            }
            Set<String> k = Set.of(known);
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String n = it.next();
                if (!k.contains(n)) {
                    throw problem(n, "unknown field; known: " + String.join(", ", known));
                }
            }
        }

        Fields object(String field, boolean required) {
            if (!has(field)) {
                if (required) {
                    throw problem(field, "required");
                }
                return new Fields(null, path + "." + field);
            }
            return new Fields(node.get(field), path + "." + field);
        }

        String text(String field, String dflt) {
            if (!has(field)) {
                return dflt;
            }
            JsonNode v = node.get(field);
            if (!v.isTextual()) {
                throw problem(field, "expected a string");
            }
            return v.asText().strip();
        }

        String string32(String field, String dflt) {
            String v = text(field, dflt);
            if (v == null) {
                throw problem(field, "required");
            }
            if (v.length() > 32) {
                throw problem(field, "at most 32 characters");
            }
            return v;
        }

        long integer(String field, Long dflt, long min, long max) {
            if (!has(field)) {
                if (dflt == null) {
                    throw problem(field, "required");
                }
                return dflt;
            }
            JsonNode v = node.get(field);
            if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
                throw problem(field, "expected a whole number within " + min + "–" + max + ", not " + v);
            }
            return v.asLong();
        }

        Long optLong(String field) {
            return has(field) ? integer(field, null, 0, 0xFFFF_FFFFL) : null;
        }

        Integer optInt(String field, int min, int max) {
            return has(field) ? (int) integer(field, null, min, max) : null;
        }

        /** A percentage as a number, 0–100, in the hundredths 2030.5 counts. */
        Integer hundredths(String field) {
            if (!has(field)) {
                return null;
            }
            JsonNode v = node.get(field);
            if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 100) {
                throw problem(field, "expected a percentage 0–100, not " + v);
            }
            return (int) Math.round(v.asDouble() * 100);
        }

        Power power(String field, boolean required) {
            if (!has(field)) {
                if (required) {
                    throw problem(field, "required, in W (VA, var, Wh)");
                }
                return null;
            }
            JsonNode v = node.get(field);
            if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 3.2e12) {
                throw problem(field, "expected a non-negative number in W (VA, var, Wh), not " + v);
            }
            return Power.of(v.asDouble());
        }

        long hex(String field, long dflt, int bits) {
            Long v = optHex(field, bits);
            return v == null ? dflt : v;
        }

        Long optHex(String field, int bits) {
            if (!has(field)) {
                return null;
            }
            JsonNode v = node.get(field);
            String t = v.isTextual() ? v.asText().strip() : "";
            if (t.startsWith("0x") || t.startsWith("0X")) {
                t = t.substring(2);
            }
            try {
                if (t.isEmpty() || t.length() > bits / 4) {
                    throw new NumberFormatException();
                }
                return Long.parseLong(t, 16);
            } catch (NumberFormatException e) {
                throw problem(field, "expected a string of at most " + bits / 4 + " hexadecimal digits (2030.5 HexBinary" + bits
                        + ", e.g. \"040000\" for bit 18), not " + v);
            }
        }
    }
}
