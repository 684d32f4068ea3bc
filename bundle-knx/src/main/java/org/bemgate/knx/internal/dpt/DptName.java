package org.bemgate.knx.internal.dpt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A datapoint type as ETS and BEMCom's {@code KNX_DATAPOINTS} write it ({@code DPT-9}, {@code DPST-9-1}),
 * or as Calimero writes it ({@code 9.001}).
 *
 * @param main the main number
 * @param sub the subtype number, or -1 when only the main type is given
 */
public record DptName(int main, int sub) {

    private static final Pattern ETS = Pattern.compile("(?i)\\s*(?:DPT-(\\d{1,5})|DPST-(\\d{1,5})-(\\d{1,5}))\\s*");
    private static final Pattern CALIMERO = Pattern.compile("\\s*(\\d{1,5})\\.(\\d{1,5})\\s*");

    /**
     * @param text {@code DPT-<main>}, {@code DPST-<main>-<sub>} or {@code <main>.<sub>}
     * @return the name
     * @throws DptException if the text is none of these
     */
    public static DptName parse(String text) throws DptException {
        if (text != null) {
            Matcher m = ETS.matcher(text);
            if (m.matches()) {
                return m.group(1) != null ? new DptName(Integer.parseInt(m.group(1)), -1)
                        : new DptName(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = CALIMERO.matcher(text);
            if (m.matches()) {
                return new DptName(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        throw new DptException("'" + text + "' is not a datapoint type: expected DPT-<main> or DPST-<main>-<sub>, as ETS "
                + "exports them (DPT-9, DPST-9-1)");
    }

    /** @return true if only the main type is given */
    public boolean mainOnly() {
        return sub < 0;
    }

    /** @return Calimero's id of the subtype, such as {@code 9.001}; the sub is padded to 3 digits */
    public String calimeroId() {
        return String.format("%d.%03d", main, sub);
    }

    /** @return the ETS form, such as {@code DPST-9-1} */
    @Override
    public String toString() {
        return mainOnly() ? "DPT-" + main : "DPST-" + main + "-" + sub;
    }
}
