package org.bemgate.knx.internal.ets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.bemgate.knx.internal.dpt.DptCodec;
import org.bemgate.knx.internal.dpt.DptException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads an ETS 5/6 "Export group addresses" CSV file and builds BEMCom's {@code KNX_DATAPOINTS} from it.
 *
 * <p>Accepted as ETS writes it: separated by tab, semicolon or comma (taken from the header line), fields
 * in double quotes, UTF-8 (with or without BOM), UTF-16 with BOM, or Latin-1 (ETS's "ANSI", which BEMCom's
 * recipe reads); the one-line-per-address layout ({@code "Group name","Address",…,"DatapointType",…}) or
 * the three-level layout ({@code "Main","Middle","Sub","Address",…}), whose main and middle group lines
 * ({@code 1/-/-}, {@code 1/2/-}) are skipped.
 *
 * <p><b>Sensor or actuator:</b> every group address is a sensor (bemgate listens and reads, never writes),
 * except those whose address or name matches the {@code actuators} pattern, which become actuators. In a
 * KNX installation commands and status feedback normally use separate group addresses ("Light kitchen
 * switch" and "Light kitchen status"), so a pattern such as {@code switch|setpoint} picks the commands.
 * Lines without a datapoint type, or with one bemgate does not support, are left out and reported.
 */
public final class EtsGroupAddressExport {

    /**
     * One group address of the export.
     *
     * @param address such as {@code 1/2/3}
     * @param name the group name
     * @param dpt such as {@code DPST-9-1}
     */
    public record Row(String address, String name, String dpt) {
    }

    /**
     * What the import made.
     *
     * @param sensors group address → DPT
     * @param actuators group address → DPT
     * @param skipped one line per group address left out, saying why
     */
    public record Result(Map<String, String> sensors, Map<String, String> actuators, List<String> skipped) {

        /** @return {@code KNX_DATAPOINTS} as indented JSON */
        public String json() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("sensor", sensors);
            root.put("actuator", actuators);
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** @return {@code KNX_DATAPOINTS} on one line, as a .cfg file holds it */
        public String compactJson() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("sensor", sensors);
            root.put("actuator", actuators);
            try {
                return new ObjectMapper().writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private EtsGroupAddressExport() {
    }

    /**
     * @param content the file's bytes
     * @return every line that names a group address, in file order
     * @throws IllegalArgumentException if the header has no "Address" or no "DatapointType" column
     */
    public static List<Row> rows(byte[] content) {
        List<String> lines = decode(content).lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        char separator = separator(lines.get(0));
        List<String> header = fields(lines.get(0), separator).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int address = header.indexOf("address");
        int dpt = header.indexOf("datapointtype");
        if (address < 0 || dpt < 0) {
            throw new IllegalArgumentException("the header " + lines.get(0) + " has no \"Address\" and \"DatapointType\" columns: "
                    + "export the group addresses from ETS as CSV");
        }
        int[] names = { header.indexOf("group name"), header.indexOf("sub"), header.indexOf("middle"), header.indexOf("main") };
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line, separator);
            String a = get(f, address);
            if (a.isEmpty() || a.contains("-")) {
                continue; // a main or middle group line of the three-level layout
            }
            String name = "";
            for (int n : names) {
                if (name.isEmpty()) {
                    name = get(f, n);
                }
            }
            rows.add(new Row(a, name, get(f, dpt)));
        }
        return rows;
    }

    /**
     * @param rows the export's group addresses
     * @param actuators addresses or names (found anywhere, case-insensitive) that become actuators; null for none
     * @return the mapping, and what was left out
     */
    public static Result datapoints(List<Row> rows, Pattern actuators) {
        Map<String, String> sensors = new LinkedHashMap<>();
        Map<String, String> acts = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Row r : rows) {
            String what = r.address() + (r.name().isEmpty() ? "" : " '" + r.name() + "'");
            if (r.dpt().isEmpty()) {
                skipped.add(what + ": no datapoint type in ETS; set one there and export again");
                continue;
            }
            String dpt = r.dpt().split(",")[0].strip();
            try {
                DptCodec.of(dpt);
            } catch (DptException e) {
                skipped.add(what + ": " + e.getMessage());
                continue;
            }
            boolean actuator = actuators != null && (actuators.matcher(r.name()).find() || actuators.matcher(r.address()).matches());
            (actuator ? acts : sensors).put(r.address(), dpt);
        }
        return new Result(sensors, acts, skipped);
    }

    /**
     * @param regex a regular expression, or null/empty for none
     * @return the case-insensitive pattern {@link #datapoints} takes
     */
    public static Pattern actuatorPattern(String regex) {
        return regex == null || regex.isBlank() ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String get(List<String> fields, int i) {
        return i >= 0 && i < fields.size() ? fields.get(i).strip() : "";
    }

    private static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return new String(b, StandardCharsets.UTF_16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    private static char separator(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(';') >= 0 ? ';' : ',';
    }

    /** Splits one CSV line; fields may be quoted, with {@code ""} for a quote inside. */
    static List<String> fields(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
