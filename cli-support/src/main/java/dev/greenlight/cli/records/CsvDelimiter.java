package dev.greenlight.cli.records;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --delimiter} of CSV input and output: one character, {@code ,} by default;
 * {@code \t} or {@code tab} for a tab. Characters that CSV or the formula guard give a meaning
 * (quote, line ends, {@code ' = + - @}) and letters or digits are refused.
 */
public final class CsvDelimiter implements ITypeConverter<Character> {

    public static final char DEFAULT = ',';

    /** For picocli: {@code @Option(converter = CsvDelimiter.class)} on a {@code char} field. */
    @Override
    public Character convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException if the text is not one usable delimiter */
    public static char parse(String text) {
        if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("'" + text + "' is not a delimiter: give one character, such as ';' or '\\t'");
        }
        return check(text.charAt(0));
    }

    static char check(char c) {
        if (c == '"' || c == '\'' || c == '\r' || c == '\n' || c == '=' || c == '+' || c == '-' || c == '@'
                || Character.isLetterOrDigit(c) || Character.isISOControl(c) && c != '\t') {
            throw new IllegalArgumentException("'" + (Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c)) + "' cannot be a CSV delimiter");
        }
        return c;
    }
}
