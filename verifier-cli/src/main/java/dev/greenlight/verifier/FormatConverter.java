package dev.greenlight.verifier;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code jsonl} or {@code csv}, in any case. */
final class FormatConverter implements ITypeConverter<RecordFormat> {

    @Override
    public RecordFormat convert(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "jsonl":
            case "json":
                return RecordFormat.JSONL;
            case "csv":
                return RecordFormat.CSV;
            default:
                throw new TypeConversionException("'" + value + "' is not a format: expected jsonl or csv");
        }
    }

    /** For {@code ${COMPLETION-CANDIDATES}} in help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("jsonl", "csv").iterator();
        }
    }
}
