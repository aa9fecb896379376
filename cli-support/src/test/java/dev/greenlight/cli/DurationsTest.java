package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

    @Test
    void parse_acceptedForms_giveTheDuration() {
        Map<String, Duration> forms = Map.ofEntries(Map.entry("24h", Duration.ofHours(24)), Map.entry("90m", Duration.ofMinutes(90)),
                Map.entry("1h30m", Duration.ofMinutes(90)), Map.entry("7d", Duration.ofDays(7)),
                Map.entry("1d12h", Duration.ofHours(36)), Map.entry("90s", Duration.ofSeconds(90)),
                Map.entry("500ms", Duration.ofMillis(500)), Map.entry("1m30s", Duration.ofSeconds(90)),
                Map.entry("0", Duration.ZERO), Map.entry("PT24H", Duration.ofHours(24)), Map.entry("pt1m", Duration.ofMinutes(1)),
                Map.entry("P1D", Duration.ofDays(1)), Map.entry(" 12H ", Duration.ofHours(12)), Map.entry("5M", Duration.ofMinutes(5)),
                Map.entry("1h0m5s250ms", Duration.ofMillis(3_605_250)));

        forms.forEach((text, duration) -> assertEquals(duration, Durations.parse(text), text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "24", "h", "-1h", "1.5h", "3 weeks", "P", "30m1h", "1h 30m", "5x", "ms"})
    void parse_rejectedForms_throwNamingTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains(Durations.FORMS), e.getMessage());
    }

    @Test
    void parse_bareNumber_saysItHasNoUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("90"));
        assertTrue(e.getMessage().contains("no unit"), e.getMessage());
    }

    @Test
    void convert_badValue_isATypeConversionErrorWithTheForms() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new Durations().convert("soon"));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "60000,1m", "86400000,24h", "5400000,1h30m", "90000,1m30s", "500,500ms", "3605250,1h5s250ms"})
    void format_givesTheShortForm(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 59_000, 60_000, 5_400_000, 86_400_000, 3_888_000_000L, 3_605_250})
    void format_thenParse_roundTrips(long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(Durations.format(Duration.ofMillis(millis))));
    }
}
