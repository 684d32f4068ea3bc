package org.bemgate.webconsole.internal.events;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one stream client wants: event types and a glob over datapoint ids ({@code *} any run,
 * {@code ?} one character). Events without a datapoint id pass the pattern.
 */
public final class EventFilter {

    private final Set<String> types;
    private final Pattern pattern;

    /**
     * @param types the wanted types, or empty for all
     * @param glob a glob over datapoint ids, or null for all
     */
    public EventFilter(Set<String> types, String glob) {
        this.types = types;
        this.pattern = glob == null || glob.isEmpty() || "*".equals(glob) ? null : glob(glob);
    }

    /**
     * @param e an event
     * @return true if the client wants it
     */
    public boolean accepts(ConsoleEvent e) {
        if (!types.isEmpty() && !types.contains(e.type())) {
            return false;
        }
        return pattern == null || e.id() == null || pattern.matcher(e.id()).matches();
    }

    /**
     * @param glob a glob
     * @return the equivalent regular expression
     */
    public static Pattern glob(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                b.append(".*");
            } else if (c == '?') {
                b.append('.');
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString(), Pattern.DOTALL);
    }
}
