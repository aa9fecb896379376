package dev.greenlight.issuer.batch;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.rules.RegionCode;
import dev.greenlight.rules.Stay;
import dev.greenlight.rules.Symptom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of a health declaration as people type them, for {@code gl-issue declare} and
 * {@code check-in} options and for the columns of {@code batch --colours-from-declarations}: one
 * reader, so that a word means the same in both. Each method throws
 * {@link IllegalArgumentException} with a message that quotes the text and says what is expected;
 * the caller adds which option or column it was.
 */
public final class DeclarationText {

    /** Every symptom's name, as {@code --symptom} and the {@code symptoms} column take them. */
    public static final String SYMPTOM_NAMES = Arrays.stream(Symptom.values()).map(DeclarationText::name)
            .collect(Collectors.joining(", "));

    private DeclarationText() {
    }

    /** {@code DRY_COUGH} as {@code dry-cough}; also a {@code CaseStatus} or an {@code Isolation}. */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A temperature in °C with at most one decimal: {@code 36.6}. */
    public static BodyTemperature temperature(String text) {
        return BodyTemperature.parse(text.strip());
    }

    /** One symptom's name, any case, {@code _} or space for {@code -}. */
    public static Symptom symptom(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(Symptom.values()).filter(s -> name(s).equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown symptom '" + text + "': one of " + SYMPTOM_NAMES));
    }

    /** Symptom names separated by spaces: {@code dry-cough sore-throat}. */
    public static Set<Symptom> symptoms(String text) {
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        for (String word : words(text)) {
            symptoms.add(symptom(word));
        }
        return symptoms;
    }

    /** A value of {@code type} other than {@code NONE}, by its lower-case, hyphenated name. */
    public static <E extends Enum<E>> E value(Class<E> type, String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            if (value.name().equals("NONE")) {
                continue;
            }
            if (value.name().equals(wanted)) {
                return value;
            }
            names.add(name(value));
        }
        throw new IllegalArgumentException("must be " + String.join(", ", names) + ", not '" + text + "'");
    }

    /** A day, {@code yyyy-mm-dd}. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is no yyyy-mm-dd date", e);
        }
    }

    /** Days separated by spaces. */
    public static List<LocalDate> dates(String text) {
        List<LocalDate> days = new ArrayList<>();
        for (String word : words(text)) {
            days.add(date(word));
        }
        return days;
    }

    /** A stay, {@code REGION:FROM..TO}, both days included: {@code 420106:2026-11-28..2026-11-30}. */
    public static Stay stay(String text) {
        int colon = text.indexOf(':');
        int dots = text.indexOf("..");
        if (colon < 0 || dots < colon) {
            throw new IllegalArgumentException("a stay is REGION:FROM..TO, such as 420106:2026-11-28..2026-11-30, not '" + text + "'");
        }
        return new Stay(new RegionCode(text.substring(0, colon).strip()), date(text.substring(colon + 1, dots)),
                date(text.substring(dots + 2)));
    }

    /** Stays separated by spaces. */
    public static List<Stay> stays(String text) {
        List<Stay> stays = new ArrayList<>();
        for (String word : words(text)) {
            stays.add(stay(word));
        }
        return stays;
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }
}
