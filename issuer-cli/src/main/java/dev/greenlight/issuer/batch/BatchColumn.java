package dev.greenlight.issuer.batch;

import dev.greenlight.cli.records.CsvRowReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A column of a batch input ({@link Column}, {@link DeclarationColumn}): its names, the first
 * canonical, and whether a row must give it. The static methods are the one place where a header
 * or a JSON key is matched to a column, for every kind of batch input.
 */
interface BatchColumn {

    /**
     * What a column is, in one value an enum constant holds: enums cannot share fields, and each
     * kind of column had its own copy of them, their constructor and their getters.
     *
     * @param required whether a row must give it
     * @param names    the canonical name, then the aliases
     */
    record Spec(boolean required, List<String> names) {
        static Spec of(boolean required, String... names) {
            return new Spec(required, List.of(names));
        }
    }

    Spec spec();

    /** @return the canonical name, then the aliases */
    default List<String> names() {
        return spec().names();
    }

    default boolean required() {
        return spec().required();
    }

    default String canonicalName() {
        return names().get(0);
    }

    /** The column a header or key names, ignoring case, spaces and hyphens; null if none. */
    static <C extends BatchColumn> C named(C[] columns, String name) {
        String normalised = name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (C column : columns) {
            if (column.names().contains(normalised)) {
                return column;
            }
        }
        return null;
    }

    /**
     * A reader of the CSV rows under {@code header}, matched to these columns.
     *
     * @throws IllegalArgumentException naming the line and column, if the header lacks a column, repeats one or names an unknown one
     */
    static CsvRowReader csvReader(BatchColumn[] columns, String header, long line, char delimiter) {
        return CsvRowReader.fromHeader(header, line, delimiter, canonicalNames(columns), requiredNames(columns), aliases(columns));
    }

    /** The canonical names, in declaration order: the order of a CSV reader's cells. */
    static List<String> canonicalNames(BatchColumn[] columns) {
        List<String> canonical = new ArrayList<>();
        for (BatchColumn column : columns) {
            canonical.add(column.canonicalName());
        }
        return canonical;
    }

    static Set<String> requiredNames(BatchColumn[] columns) {
        Set<String> required = new TreeSet<>();
        for (BatchColumn column : columns) {
            if (column.required()) {
                required.add(column.canonicalName());
            }
        }
        return required;
    }

    /** Every other name, to its column's canonical name. */
    static Map<String, String> aliases(BatchColumn[] columns) {
        Map<String, String> aliases = new HashMap<>();
        for (BatchColumn column : columns) {
            for (String name : column.names().subList(1, column.names().size())) {
                aliases.put(name, column.canonicalName());
            }
        }
        return aliases;
    }
}
