package org.bemgate.simulators.keba;

import java.util.Map;

/**
 * Writes the flat JSON objects a P30 sends, in its own layout: one field per line, a space after
 * the colon and a final LF, as in the replies recorded in BEMCom's connector tests.
 */
final class Json {

    private Json() {
    }

    /** @return {@code {\n"key": value,\n…\n}\n} with strings quoted and numbers as they are */
    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{\n");
        boolean first = true;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            out.append(first ? "" : ",\n");
            first = false;
            quote(out, e.getKey());
            out.append(": ");
            Object v = e.getValue();
            if (v instanceof String s) {
                quote(out, s);
            } else {
                out.append(v);
            }
        }
        return out.append("\n}\n").toString();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
