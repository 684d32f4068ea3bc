package org.bemgate.keba.internal.codec;

/**
 * One UDP command, checked and ready to send.
 *
 * @param text the ASCII text on the wire, without CR or LF, such as {@code curr 16000}
 * @param report the report number it asks for, or 0 for a set command answered {@code TCH-OK}/{@code TCH-ERR}
 * @param disables whether it stops charging ({@code ena 0}, {@code currtime 0 <delay>}), after which the
 *        station must be left alone for 2 s
 */
public record KebaCommand(String text, int report, boolean disables) {

    /**
     * @param n 1, 2 or 3
     * @return {@code report <n>}
     */
    public static KebaCommand report(int n) {
        return new KebaCommand("report " + n, n, false);
    }

    /**
     * @param text a set command
     * @return the command, answered by {@code TCH-OK} or {@code TCH-ERR}
     */
    static KebaCommand set(String text) {
        return new KebaCommand(text, 0, false);
    }

    /**
     * @param text a set command that stops charging
     * @return the command
     */
    static KebaCommand disabling(String text) {
        return new KebaCommand(text, 0, true);
    }

    /** @return true for {@code report <n>} */
    public boolean isReport() {
        return report != 0;
    }

    /** @return the first word, such as {@code curr} */
    public String verb() {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    @Override
    public String toString() {
        return text;
    }
}
