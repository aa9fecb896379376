package dev.greenlight.issuer.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The columns of a {@code batch --colours-from-declarations} input: a health declaration in the
 * words of {@code gl-issue declare}, with the names a header or a JSON key may give them.
 */
enum DeclarationColumn {
    DOCUMENT_TYPE(true, "document_type", "doc", "doc_type", "type"),
    NUMBER(true, "number", "document_number", "doc_number"),
    TEMPERATURE(true, "temperature"),
    SYMPTOMS(false, "symptoms", "symptom"),
    CASE(false, "case", "case_status"),
    CONTACT_ON(false, "contact_on", "contacts"),
    STAYS(false, "stays", "stay"),
    ISOLATION(false, "isolation"),
    OVERRIDE(false, "override"),
    REASON(false, "reason"),
    AUTHORITY(false, "authority"),
    VALIDITY(false, "validity"),
    ID(false, "id");

    static final String NAMES_HELP = "document_type (or doc), number, temperature, and optionally symptoms, case, contact_on, "
            + "stays, isolation, override with reason and authority, validity and id";

    private final boolean required;
    private final List<String> names;

    DeclarationColumn(boolean required, String... names) {
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
    static DeclarationColumn named(String name) {
        String normalised = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (DeclarationColumn column : values()) {
            if (column.names.contains(normalised)) {
                return column;
            }
        }
        return null;
    }

    static List<String> canonicalNames() {
        List<String> canonical = new ArrayList<>();
        for (DeclarationColumn column : values()) {
            canonical.add(column.canonicalName());
        }
        return canonical;
    }

    static Set<String> requiredNames() {
        Set<String> required = new TreeSet<>();
        for (DeclarationColumn column : values()) {
            if (column.required) {
                required.add(column.canonicalName());
            }
        }
        return required;
    }

    static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        for (DeclarationColumn column : values()) {
            for (String name : column.names.subList(1, column.names.size())) {
                aliases.put(name, column.canonicalName());
            }
        }
        return aliases;
    }
}
