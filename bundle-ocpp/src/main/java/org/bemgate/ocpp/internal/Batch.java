package org.bemgate.ocpp.internal;

import java.util.ArrayList;
import java.util.List;

import org.bemgate.core.api.DataFormat;

/** The sensor values one message yields, with what the registry needs to know about a key seen for the first time. */
final class Batch {

    /** One value and its key's metadata. */
    record Entry(String key, Object value, DataFormat format, String unit, List<?> allowed, String description) {
    }

    private final List<Entry> entries = new ArrayList<>();

    List<Entry> entries() {
        return entries;
    }

    void text(String key, Object value, String description) {
        entries.add(new Entry(key, value, DataFormat.GENERIC_TEXT, "", null, description));
    }

    void numeric(String key, Object value, String unit, String description) {
        entries.add(new Entry(key, value, DataFormat.GENERIC_NUMERIC, unit, null, description));
    }

    void discrete(String key, String value, List<String> allowed, String description) {
        entries.add(new Entry(key, value, DataFormat.DISCRETE_TEXT, "", allowed, description));
    }

    void bool(String key, boolean value, String description) {
        entries.add(new Entry(key, value, DataFormat.BOOL, "", null, description));
    }

    void any(String key, Object value, String description) {
        entries.add(new Entry(key, value, DataFormat.UNKNOWN, "", null, description));
    }
}
