package org.bemgate.webconsole.internal.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts JSON values from the browser into the property types Config Admin stores, following the
 * metatype description where there is one, and masks secrets on the way out.
 */
public final class ConfigValues {

    /** What the console shows instead of a secret; sending it back keeps the stored value. */
    public static final String MASK = "********";

    /** Properties Config Admin and fileinstall manage themselves. */
    static final Set<String> FRAMEWORK_KEYS = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename");

    private ConfigValues() {
    }

    /**
     * @param key a property key
     * @param attribute its description, or null
     * @return true if the value must not be shown
     */
    public static boolean isSecret(String key, ConnectorType.Attribute attribute) {
        if (attribute != null && "Password".equals(attribute.type())) {
            return true;
        }
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.endsWith("token");
    }

    /**
     * @param stored the stored properties
     * @param type the metatype description, or null
     * @return the properties for the browser: framework keys dropped, secrets masked, arrays as lists
     */
    public static Map<String, Object> forDisplay(Map<String, Object> stored, ConnectorType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        stored.keySet().stream().sorted().forEach(k -> {
            if (FRAMEWORK_KEYS.contains(k)) {
                return;
            }
            Object v = stored.get(k);
            if (isSecret(k, attribute(type, k)) && v != null && !v.toString().isEmpty()) {
                out.put(k, MASK);
            } else if (v != null && v.getClass().isArray()) {
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                    l.add(java.lang.reflect.Array.get(v, i));
                }
                out.put(k, l);
            } else if (v instanceof Collection) {
                out.put(k, new ArrayList<>((Collection<?>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * @param given the properties from the browser, as JSON values
     * @param stored the stored properties (masked secrets are taken from here), or empty
     * @param type the metatype description, or null
     * @return the properties to store
     * @throws IllegalArgumentException naming the property whose value does not fit its type
     */
    public static Map<String, Object> forStorage(Map<String, Object> given, Map<String, Object> stored, ConnectorType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String k = e.getKey();
            if (FRAMEWORK_KEYS.contains(k)) {
                continue;
            }
            Object v = e.getValue();
            if (MASK.equals(v) && stored.containsKey(k)) {
                out.put(k, stored.get(k));
                continue;
            }
            if (v == null) {
                continue;
            }
            ConnectorType.Attribute a = attribute(type, k);
            out.put(k, convert(k, v, a));
        }
        if (type != null) {
            for (ConnectorType.Attribute a : type.attributes()) {
                if (a.required() && a.defaults().isEmpty() && !out.containsKey(a.id())) {
                    throw new IllegalArgumentException("property '" + a.id() + "' (" + a.name() + ") is required");
                }
            }
        }
        return out;
    }

    private static Object convert(String key, Object v, ConnectorType.Attribute a) {
        String t = a == null ? null : a.type();
        if (a != null && a.cardinality() != 0 || v instanceof List) {
            List<?> items = v instanceof List ? (List<?>) v : List.of(v);
            if (t == null) {
                return items.stream().map(String::valueOf).toArray(String[]::new);
            }
            Object arr = java.lang.reflect.Array.newInstance(javaType(t), items.size());
            for (int i = 0; i < items.size(); i++) {
                java.lang.reflect.Array.set(arr, i, scalar(key, items.get(i), t));
            }
            return arr;
        }
        if (t == null) {
            return v instanceof Map ? org.bemgate.webconsole.internal.api.Json.MAPPER.valueToTree(v).toString() : v;
        }
        return scalar(key, v, t);
    }

    private static Object scalar(String key, Object v, String type) {
        String s = v instanceof Map || v instanceof List ? org.bemgate.webconsole.internal.api.Json.MAPPER.valueToTree(v).toString()
                : String.valueOf(v).trim();
        try {
            switch (type) {
                case "Long": return v instanceof Number ? ((Number) v).longValue() : Long.parseLong(s);
                case "Integer": return v instanceof Number ? ((Number) v).intValue() : Integer.parseInt(s);
                case "Short": return Short.parseShort(s);
                case "Byte": return Byte.parseByte(s);
                case "Double": return v instanceof Number ? ((Number) v).doubleValue() : Double.parseDouble(s);
                case "Float": return Float.parseFloat(s);
                case "Boolean":
                    if (v instanceof Boolean) {
                        return v;
                    }
                    if (!"true".equalsIgnoreCase(s) && !"false".equalsIgnoreCase(s)) {
                        throw new NumberFormatException();
                    }
                    return Boolean.parseBoolean(s);
                case "Character":
                    if (s.length() != 1) {
                        throw new NumberFormatException();
                    }
                    return s.charAt(0);
                default: return v instanceof Map || v instanceof List ? s : String.valueOf(v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' must be " + article(type) + " " + type.toLowerCase()
                    + ", not '" + s + "'");
        }
    }

    private static String article(String type) {
        return "Integer".equals(type) ? "an" : "a";
    }

    private static Class<?> javaType(String t) {
        switch (t) {
            case "Long": return Long.class;
            case "Integer": return Integer.class;
            case "Short": return Short.class;
            case "Byte": return Byte.class;
            case "Double": return Double.class;
            case "Float": return Float.class;
            case "Boolean": return Boolean.class;
            case "Character": return Character.class;
            default: return String.class;
        }
    }

    private static ConnectorType.Attribute attribute(ConnectorType type, String key) {
        if (type == null) {
            return null;
        }
        for (ConnectorType.Attribute a : type.attributes()) {
            if (a.id().equals(key)) {
                return a;
            }
        }
        return null;
    }
}
