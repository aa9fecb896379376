package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"24h,86400000", "90m,5400000", "1h30m,5400000", "7d,604800000", "1d12h,129600000", "90s,90000",
        "500ms,500", "1m30s,90000", "0,0", "PT24H,86400000", "pt1m,60000", "P1D,86400000", "' 12H ',43200000",
        "5M,300000", "1h0m5s250ms,3605250"})
    void parse_acceptedForms_giveTheDuration(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
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
