package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenlight.cli.Durations;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidityTest {

    @ParameterizedTest
    @CsvSource({"24h,1440", "90m,90", "1h30m,90", "7d,10080", "1d12h,2160", "PT24H,1440", "pt1m,1", " 12H ,720", "65535m,65535"})
    void parse_acceptedForms_giveTheMinutes(String text, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), Validity.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "0m", "65536m", "46d", "1.5h", "PT30S", "PT1M30S", "h", "-1h", "3 weeks", "P"})
    void parse_rejectedForms_throwWithTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Validity.parse(text));
        assertEquals(true, e.getMessage().startsWith("Invalid validity"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 59, 60, 90, 1440, 65535})
    void format_thenParse_roundTrips(long minutes) {
        assertEquals(Duration.ofMinutes(minutes), Validity.parse(Durations.format(Duration.ofMinutes(minutes))));
    }
}
