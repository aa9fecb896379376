package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentityTest {

    private static final IdentitySecret SECRET = IdentitySecret.of(new byte[32]);

    @Test
    void chineseResidentId_lowerCaseX_normalisesToUpperCase() {
        assertEquals(Identity.chineseResidentId("11010519491231002X"), Identity.chineseResidentId("11010519491231002x"));
        assertEquals("CNID:11010519491231002X", Identity.chineseResidentId("11010519491231002x").normalised());
    }

    @Test
    void chineseResidentId_everyWrongCheckCharacter_isRefused() {
        String base = "11010519491231002";
        int refused = 0;
        for (char check : "0123456789X".toCharArray()) {
            try {
                Identity.chineseResidentId(base + check);
                assertEquals('X', check, "only X is the right check character");
            } catch (InvalidIdentityException e) {
                assertTrue(e.getMessage().contains("check character"), e.getMessage());
                refused++;
            }
        }
        assertEquals(10, refused);
    }

    @Test
    void chineseResidentId_singleDigitChange_isCaughtByTheChecksum() {
        String valid = "440524188001010014";
        for (int i = 0; i < 17; i++) {
            char original = valid.charAt(i);
            char replacement = original == '9' ? '0' : (char) (original + 1);
            String changed = valid.substring(0, i) + replacement + valid.substring(i + 1);
            assertThrows(InvalidIdentityException.class, () -> Identity.chineseResidentId(changed), changed);
        }
    }

    @Test
    void of_nonAsciiLookAlikes_areRefusedNotMapped() {
        assertThrows(InvalidIdentityException.class, () -> Identity.passport("FRA", "\u01318AV12345"), "dotless i");
        assertThrows(InvalidIdentityException.class, () -> Identity.chineseResidentId("11010519491231002X\u3000"),
                "ideographic space");
        assertEquals("PP-FRA:18AV12345", Identity.of("\tpp-fra ", "\r\n18av12345 ").normalised());
    }

    @Test
    void toString_hidesTheNumber() {
        Identity identity = Identity.chineseResidentId("11010519491231002X");
        assertFalse(identity.toString().contains("1101"), identity.toString());
        assertFalse(Identity.passport("FRA", "18AV12345").toString().contains("18AV"));
    }

    @Test
    void of_unknownDocumentType_namesTheAcceptedTypes() {
        InvalidIdentityException e = assertThrows(InvalidIdentityException.class, () -> Identity.of("SSN", "123"));
        assertTrue(e.getMessage().contains("CNID") && e.getMessage().contains("PP-"), e.getMessage());
    }

    @Test
    void pseudonymOf_differentSecrets_differ() {
        Identity identity = Identity.passport("FRA", "18AV12345");
        IdentitySecret other = IdentitySecret.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        assertNotEquals(SECRET.pseudonymOf(identity), other.pseudonymOf(identity));
        assertEquals(SECRET.pseudonymOf(identity), SECRET.pseudonymOf(Identity.of("pp-fra", " 18av12345 ")));
    }

    @Test
    void identitySecret_tooShortOrPrinted_isRefusedOrHidden() {
        assertThrows(IllegalArgumentException.class, () -> IdentitySecret.of(new byte[15]));
        assertEquals("IdentitySecret[hidden]", IdentitySecret.of(new byte[16]).toString());
    }
}
