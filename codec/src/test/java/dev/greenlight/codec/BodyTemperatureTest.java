package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BodyTemperatureTest {

    @Test
    void parse_oneDecimal_isTenths() {
        assertEquals(373, BodyTemperature.parse("37.3").tenths());
        assertEquals(new BigDecimal("37.3"), BodyTemperature.parse("37.3").celsius());
    }

    @Test
    void parse_trailingZeros_equalTheShortForm() {
        assertEquals(BodyTemperature.parse("37.3"), BodyTemperature.parse("37.30"));
        assertEquals(BodyTemperature.parse("37"), BodyTemperature.parse("37.0"));
    }

    @Test
    void parse_secondDecimal_isRefusedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> BodyTemperature.parse("37.25"));
    }

    @Test
    void parse_outsideBodyRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> BodyTemperature.parse("29.9"));
        assertThrows(IllegalArgumentException.class, () -> BodyTemperature.parse("45.1"));
        assertThrows(IllegalArgumentException.class, () -> BodyTemperature.parse("1e9"));
        assertEquals(300, BodyTemperature.parse("30.0").tenths());
        assertEquals(450, BodyTemperature.parse("45.0").tenths());
    }

    @Test
    void parse_notANumber_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> BodyTemperature.parse("37,3"));
    }

    @Test
    void atOrAbove_exactThreshold_isTrue() {
        BodyTemperature threshold = BodyTemperature.parse("37.3");

        assertTrue(BodyTemperature.parse("37.3").atOrAbove(threshold));
        assertFalse(BodyTemperature.parse("37.2").atOrAbove(threshold));
    }

    @Test
    void toString_showsDegrees() {
        assertEquals("36.0 °C", BodyTemperature.parse("36").toString());
    }
}
