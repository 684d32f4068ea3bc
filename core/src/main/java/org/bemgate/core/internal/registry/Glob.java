package org.bemgate.core.internal.registry;

import java.util.regex.Pattern;

/** A glob over datapoint id text: {@code *} matches any run of characters, {@code ?} one. */
public final class Glob {

    private final Pattern pattern;
    private final String text;

    private Glob(String text) {
        this.text = text;
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /**
     * @param text the glob
     * @return the compiled glob
     */
    public static Glob of(String text) {
        return new Glob(text);
    }

    /** @return true if the text contains a wildcard */
    public static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /**
     * @param candidate the text to test
     * @return true if the whole text matches
     */
    public boolean matches(String candidate) {
        return pattern.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
