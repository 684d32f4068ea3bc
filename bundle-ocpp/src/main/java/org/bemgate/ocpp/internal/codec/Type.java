package org.bemgate.ocpp.internal.codec;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A field type of the OCPP 1.6 JSON schemas, as far as they use them: strings with a length limit,
 * enumerations, date-times, integers, decimals, booleans, objects without additional properties and
 * arrays. {@link #check} returns the first violation, so a charge point gets one clear error.
 */
public abstract class Type {

    /**
     * @param node the value; never null (a missing field is the object's business)
     * @param path where it is, for the message
     * @return the first violation, or null if the value fits
     */
    public abstract Violation check(JsonNode node, String path);

    /** @return a string of at most {@code max} characters (OCPP's CiString types) */
    public static Type string(int max) {
        return new Type() {
            @Override
            public Violation check(JsonNode node, String path) {
                if (!node.isTextual()) {
                    return wrongType(path, "a string", node);
                }
                int length = node.textValue().length();
                return length <= max ? null
                        : new Violation(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path, "at most " + max + " characters, not " + length);
            }
        };
    }

    /** @return a string of any length */
    public static Type text() {
        return string(Integer.MAX_VALUE);
    }

    /** @return a string from a fixed list */
    public static Type enumeration(List<String> values) {
        Set<String> allowed = Set.copyOf(values);
        return new Type() {
            @Override
            public Violation check(JsonNode node, String path) {
                if (!node.isTextual()) {
                    return wrongType(path, "a string", node);
                }
                return allowed.contains(node.textValue()) ? null : new Violation(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path,
                        "'" + node.textValue() + "' is not one of " + values);
            }
        };
    }

    /** @return an RFC 3339 date-time; one without an offset is accepted as UTC, as some chargers send it */
    public static Type dateTime() {
        return new Type() {
            @Override
            public Violation check(JsonNode node, String path) {
                if (!node.isTextual()) {
                    return wrongType(path, "a date-time string", node);
                }
                return DateTimes.parse(node.textValue()) != null ? null : new Violation(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path,
                        "'" + node.textValue() + "' is not a date-time such as 2024-05-01T12:00:00Z");
            }
        };
    }

    /** @return a whole number (1.0 counts, as in JSON Schema), at least {@code min} */
    public static Type integer(long min) {
        return new Type() {
            @Override
            public Violation check(JsonNode node, String path) {
                if (!node.isNumber() || !(node.isIntegralNumber() || node.doubleValue() == Math.rint(node.doubleValue()))) {
                    return wrongType(path, "an integer", node);
                }
                return node.asLong() >= min ? null
                        : new Violation(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path, "at least " + min + ", not " + node.asLong());
            }
        };
    }

    /** @return any whole number */
    public static Type integer() {
        return integer(Long.MIN_VALUE);
    }

    /** @return a number; with {@code tenths} it must be a multiple of 0.1, as charging-schedule limits */
    public static Type decimal(boolean tenths) {
        return new Type() {
            @Override
            public Violation check(JsonNode node, String path) {
                if (!node.isNumber()) {
                    return wrongType(path, "a number", node);
                }
                if (tenths) {
                    double scaled = node.doubleValue() * 10;
                    if (Math.abs(scaled - Math.rint(scaled)) > 1e-6) {
                        return new Violation(ErrorCode.PROPERTY_CONSTRAINT_VIOLATION, path, "a multiple of 0.1, not " + node);
                    }
                }
                return null;
            }
        };
    }

    /** @return true or false */
    public static Type bool() {
        return new Type() {
            @Override
            public Violation check(JsonNode node, String path) {
                return node.isBoolean() ? null : wrongType(path, "true or false", node);
            }
        };
    }

    /** @return a list of at least {@code minItems} values of one type */
    public static Type array(Type item, int minItems) {
        return new Type() {
            @Override
            public Violation check(JsonNode node, String path) {
                if (!node.isArray()) {
                    return wrongType(path, "a list", node);
                }
                if (node.size() < minItems) {
                    return new Violation(ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, path,
                            "at least " + minItems + " entries, not " + node.size());
                }
                for (int i = 0; i < node.size(); i++) {
                    Violation v = item.check(node.get(i), path + "[" + i + "]");
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            }
        };
    }

    /** Starts an object type; fields are declared in the order of the specification. */
    public static ObjectType object() {
        return new ObjectType();
    }

    /** An object whose fields are declared; every other field is a violation ({@code additionalProperties: false}). */
    public static final class ObjectType extends Type {
        private final Map<String, Type> fields = new LinkedHashMap<>();
        private final Set<String> required = new java.util.HashSet<>();

        /** Declares a required field. @return this */
        public ObjectType req(String name, Type type) {
            fields.put(name, type);
            required.add(name);
            return this;
        }

        /** Declares an optional field. @return this */
        public ObjectType opt(String name, Type type) {
            fields.put(name, type);
            return this;
        }

        @Override
        public Violation check(JsonNode node, String path) {
            if (!node.isObject()) {
                return wrongType(path, "an object", node);
            }
            for (String name : fields.keySet()) {
                if (required.contains(name) && !node.has(name)) {
                    return new Violation(ErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, join(path, name), "required, but missing");
                }
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                Type t = fields.get(name);
                if (t == null) {
                    return new Violation(ErrorCode.FORMATION_VIOLATION, join(path, name), "not a field of this message");
                }
                Violation v = t.check(node.get(name), join(path, name));
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }

    static Violation wrongType(String path, String expected, JsonNode node) {
        return new Violation(ErrorCode.TYPE_CONSTRAINT_VIOLATION, path, "must be " + expected + ", not " + describe(node));
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Date-time parsing shared with the session, so a checked date is always readable. */
    public static final class DateTimes {
        private DateTimes() {
        }

        /** @return epoch milliseconds, or null if the text is no date-time */
        public static Long parse(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
    }
}
