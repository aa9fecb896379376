package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void isWithin_countyOfListedPrefectureOrProvince_isTrue() {
        RegionCode wuchang = new RegionCode("420106");

        assertTrue(wuchang.isWithin(new RegionCode("420106")));
        assertTrue(wuchang.isWithin(new RegionCode("420100")));
        assertTrue(wuchang.isWithin(new RegionCode("420000")));
    }

    @Test
    void isWithin_otherCountyOrPrefecture_isFalse() {
        RegionCode wuchang = new RegionCode("420106");

        assertFalse(wuchang.isWithin(new RegionCode("420102")));
        assertFalse(wuchang.isWithin(new RegionCode("420200")));
        assertFalse(wuchang.isWithin(new RegionCode("430000")));
        assertFalse(new RegionCode("420100").isWithin(wuchang));
    }

    @Test
    void constructor_notSixDigits_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("42010"));
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("4201066"));
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("42O106"));
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("４２０１０６"));
        assertThrows(IllegalArgumentException.class, () -> new RegionCode("000000"));
    }
}
