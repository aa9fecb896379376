package dev.greenlight.issuer.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The columns of a batch input, with the names a header or a JSON key may give them. */
enum Column {
    DOCUMENT_TYPE(true, "document_type", "doc", "doc_type", "type"),
    NUMBER(true, "number", "document_number", "doc_number"),
    COLOUR(true, "colour", "color"),
    VALIDITY(false, "validity"),
    /** The caller's own id for the row, passed through to its output record. */
    ID(false, "id");

    static final String NAMES_HELP = "document_type (or doc), number, colour (or color), and optionally validity and id";

    private final boolean required;
    private final List<String> names;

    Column(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    boolean required() {
        return required;
    }

    String canonicalName() {
        return names.get(0);
    }

    /** The column a header or key names, ignoring case, spaces and hyphens; null if none. */
    static Column named(String name) {
        String normalised = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Column column : values()) {
            if (column.names.contains(normalised)) {
                return column;
            }
        }
        return null;
    }

    /** The canonical names, in declaration order: the order of a CSV reader's cells. */
    static List<String> canonicalNames() {
        List<String> canonical = new ArrayList<>();
        for (Column column : values()) {
            canonical.add(column.canonicalName());
        }
        return canonical;
    }

    static Set<String> requiredNames() {
        Set<String> required = new TreeSet<>();
        for (Column column : values()) {
            if (column.required) {
                required.add(column.canonicalName());
            }
        }
        return required;
    }

    /** Every other name, to its column's canonical name. */
    static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        for (Column column : values()) {
            for (String name : column.names.subList(1, column.names.size())) {
                aliases.put(name, column.canonicalName());
            }
        }
        return aliases;
    }
}
