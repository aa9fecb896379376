package dev.greenlight.rules;

import java.util.Objects;

/**
 * An administrative division by its GB/T 2260 code: six digits, two each for province, prefecture
 * and county. A code ending in {@code 0000} names a province, one ending in {@code 00} a prefecture.
 *
 * @param code the six digits, such as {@code 420106}
 */
public record RegionCode(String code) {

    /**
     * @param code the six digits
     * @throws NullPointerException     if {@code code} is null
     * @throws IllegalArgumentException if it is not six ASCII digits with a non-zero province part
     */
    public RegionCode {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[0-9]{6}") || code.startsWith("00")) {
            throw new IllegalArgumentException("A GB/T 2260 region code is six digits with a province part, not '" + code + "'");
        }
    }

    /**
     * Whether this division is, or lies within, another: a risk listing for a province or a
     * prefecture covers every county in it.
     *
     * @param area the listed division
     * @return true if {@code area} is this division, its prefecture or its province
     */
    public boolean isWithin(RegionCode area) {
        String listed = area.code;
        if (listed.endsWith("0000")) {
            return code.startsWith(listed.substring(0, 2));
        }
        if (listed.endsWith("00")) {
            return code.startsWith(listed.substring(0, 4));
        }
        return code.equals(listed);
    }

    @Override
    public String toString() {
        return code;
    }
}
