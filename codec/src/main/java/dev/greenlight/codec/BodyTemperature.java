package dev.greenlight.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A body temperature as a thermometer shows it: degrees Celsius to one decimal place, held as
 * whole tenths of a degree.
 *
 * <p>Tenths, not {@code double} or {@link BigDecimal}: the colour standard's threshold is
 * 37.3&nbsp;°C, and a reading of exactly 37.3 must compare as equal to it, which binary floating
 * point does not promise; a {@code BigDecimal} would, but its {@code equals} tells 37.3 from
 * 37.30. A whole number of tenths has one form per reading and compares exactly.
 *
 * <p>A reading outside {@value #MIN_TENTHS}&ndash;{@value #MAX_TENTHS} tenths (30.0 to 45.0&nbsp;°C) is
 * refused: no living person has it, so it is a measuring error (a forehead thermometer in the
 * cold, a slip of the keyboard), and the reading should be taken again rather than decided on.
 *
 * @param tenths the temperature in tenths of a degree Celsius: 373 is 37.3&nbsp;°C
 */
public record BodyTemperature(int tenths) implements Comparable<BodyTemperature> {

    /** The lowest reading accepted, in tenths of a degree: 30.0&nbsp;°C. */
    public static final int MIN_TENTHS = 300;
    /** The highest reading accepted, in tenths of a degree: 45.0&nbsp;°C. */
    public static final int MAX_TENTHS = 450;

    /**
     * Checks the reading is one a body can have.
     *
     * @param tenths the temperature in tenths of a degree Celsius
     * @throws IllegalArgumentException if it is outside 30.0 to 45.0&nbsp;°C
     */
    public BodyTemperature {
        if (tenths < MIN_TENTHS || tenths > MAX_TENTHS) {
            throw new IllegalArgumentException("A body temperature of " + format(tenths)
                    + " °C is a measuring error: expected 30.0 to 45.0 °C");
        }
    }

    /**
     * A reading in degrees Celsius, such as {@code 37.3} or {@code 36.80}.
     *
     * @param celsius the reading; trailing zeros after the first decimal are allowed
     * @return the temperature
     * @throws NullPointerException     if {@code celsius} is null
     * @throws IllegalArgumentException if it has a non-zero digit after the first decimal (a
     *                                  precision no thermometer shows, and rounding it could move
     *                                  a reading across the threshold), or is out of range
     */
    public static BodyTemperature ofCelsius(BigDecimal celsius) {
        Objects.requireNonNull(celsius, "celsius");
        BigDecimal tenths = celsius.movePointRight(1);
        BigDecimal whole = tenths.setScale(0, RoundingMode.DOWN);
        if (tenths.compareTo(whole) != 0) {
            throw new IllegalArgumentException("A body temperature has one decimal place, not " + celsius.toPlainString());
        }
        if (whole.abs().compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new IllegalArgumentException("A body temperature of " + celsius.toPlainString()
                    + " °C is a measuring error: expected 30.0 to 45.0 °C");
        }
        return new BodyTemperature(whole.intValueExact());
    }

    /**
     * A reading as text, such as {@code "37.3"}.
     *
     * @param celsius the reading in degrees Celsius, a plain decimal number
     * @return the temperature
     * @throws NullPointerException     if {@code celsius} is null
     * @throws IllegalArgumentException if it is not a decimal number, or as {@link #ofCelsius(BigDecimal)}
     */
    public static BodyTemperature parse(String celsius) {
        Objects.requireNonNull(celsius, "celsius");
        BigDecimal value;
        try {
            value = new BigDecimal(celsius);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a temperature in °C: '" + celsius + "'", e);
        }
        return ofCelsius(value);
    }

    /**
     * The reading in degrees Celsius.
     *
     * @return the temperature with exactly one decimal place, such as {@code 37.3}
     */
    public BigDecimal celsius() {
        return BigDecimal.valueOf(tenths, 1);
    }

    /**
     * Whether this reading is at or above a threshold: the standard's test is "37.3&nbsp;°C or more".
     *
     * @param threshold the threshold
     * @return true if this temperature is the threshold or higher
     * @throws NullPointerException if {@code threshold} is null
     */
    public boolean atOrAbove(BodyTemperature threshold) {
        return tenths >= threshold.tenths;
    }

    /**
     * Orders readings from cool to hot.
     *
     * @param other the other reading
     * @return negative, zero or positive as this reading is lower than, equal to or higher than {@code other}
     */
    @Override
    public int compareTo(BodyTemperature other) {
        return Integer.compare(tenths, other.tenths);
    }

    /** @return the reading as people write it, such as {@code 37.3 °C} */
    @Override
    public String toString() {
        return format(tenths) + " °C";
    }

    private static String format(int tenths) {
        return BigDecimal.valueOf(tenths, 1).toPlainString();
    }
}
