package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdentitySecretFileTest {

    private static final Identity IDENTITY = Identity.chineseResidentId("11010519491231002X");

    @Test
    void write_thenRead_sameSecret() throws IOException {
        IdentitySecret secret = IdentitySecret.generate(new SecureRandom());
        String stored = stored(secret);

        assertTrue(stored.matches("[A-Za-z0-9+/]{43}=\n"), stored);
        assertEquals(IdentitySecret.GENERATED_BYTES, Base64.getDecoder().decode(stored.strip()).length);
        assertEquals(secret.pseudonymOf(IDENTITY), read("  \r\n" + stored + "\n\n").pseudonymOf(IDENTITY));
    }

    @Test
    void read_knownBytes_isTheSecretOfThoseBytes() throws IOException {
        byte[] bytes = new byte[16];
        bytes[0] = 7;
        assertEquals(IdentitySecret.of(bytes).pseudonymOf(IDENTITY),
                read(Base64.getEncoder().encodeToString(bytes)).pseudonymOf(IDENTITY));
    }

    @Test
    void read_notBase64_refusedWithoutQuotingTheContent() {
        String content = "c2VjcmV0c2VjcmV0c2VjcmV0!QUJD";
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> read(content));
        assertFalse(e.getMessage().contains("c2Vj"), e.getMessage());
        assertFalse(e.getMessage().contains("!"), e.getMessage());
    }

    @Test
    void read_fifteenBytesOrEmpty_refused() {
        assertThrows(KeyFormatException.class, () -> read(Base64.getEncoder().encodeToString(new byte[15])));
        assertThrows(KeyFormatException.class, () -> read(""));
    }

    @Test
    void read_atAndAboveTheCap_readThenRefused() throws IOException {
        String secret = Base64.getEncoder().encodeToString(new byte[16]);
        String atCap = secret + " ".repeat(IdentitySecretFile.MAX_BYTES - secret.length());
        read(atCap);
        assertThrows(KeyFormatException.class, () -> read(atCap + " "));
    }

    private static String stored(IdentitySecret secret) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdentitySecretFile.write(secret, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static IdentitySecret read(String content) throws IOException {
        return IdentitySecretFile.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)));
    }
}
