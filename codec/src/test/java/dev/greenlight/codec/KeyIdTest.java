package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** KeyId writes its own equals and hashCode (see there why): they must keep a record's value semantics. */
class KeyIdTest {

    @Test
    void equalsAndHashCode_byValue() {
        KeyId a = KeyId.parse("e971a935");
        KeyId same = new KeyId(0xe971a935);

        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new KeyId(0xe971a936));
        assertNotEquals(a, null);
        assertNotEquals(a, (Object) 0xe971a935);
        assertEquals("found", Map.of(a, "found").get(same));
    }
}
