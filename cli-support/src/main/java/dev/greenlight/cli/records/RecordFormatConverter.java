package dev.greenlight.cli.records;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** For picocli: {@code jsonl} or {@code csv}, in any case; {@link Names} for {@code ${COMPLETION-CANDIDATES}}. */
public final class RecordFormatConverter implements ITypeConverter<RecordFormat> {

    @Override
    public RecordFormat convert(String value) {
        try {
            return RecordFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The names of the formats, for help. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("jsonl", "csv").iterator();
        }
    }
}
