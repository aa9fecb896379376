package dev.greenlight.issuer.batch;

import java.util.List;
import java.util.Locale;

/** The columns of a batch input, with the names a header or a JSON key may give them. */
enum Column {
    DOCUMENT_TYPE(true, "document_type", "doc", "doc_type", "type"),
    NUMBER(true, "number", "document_number", "doc_number"),
    COLOUR(true, "colour", "color"),
    VALIDITY(false, "validity");

    static final String NAMES_HELP = "document_type (or doc), number, colour (or color), and optionally validity";

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
}
