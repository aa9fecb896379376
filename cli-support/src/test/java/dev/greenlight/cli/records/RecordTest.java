package dev.greenlight.cli.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.Verifier;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final KeyPair PAIR = P256KeyPairs.generate(new SecureRandom());
    private static final IssuedCode CODE = Issuer.builder(IdentitySecret.generate(new SecureRandom()),
            Clock.fixed(ISSUED_AT, ZoneOffset.UTC))
            .signingKey((ECPrivateKey) PAIR.getPrivate())
            .build()
            .issue(Identity.passport("FRA", "18AV12345"), Colour.YELLOW, Duration.ofHours(1));

    private static Verifier verifierAt(Instant now, KeyPair pair) {
        return Verifier.builder(TrustedKeys.of((ECPublicKey) pair.getPublic()), Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void verified_expiredCode_carriesExpiresAtAndTheSignedClaims() {
        Record record = Record.verified(verifierAt(ISSUED_AT.plus(Duration.ofDays(2)), PAIR).verify(CODE.text())).build();

        assertEquals(Verdict.REJECTED, record.verdict());
        assertEquals("EXPIRED", record.reason());
        assertEquals(CODE.claims().expiresAt().toString(), record.get(Field.EXPIRES_AT));
        assertEquals(CODE.claims().serial().toString(), record.get(Field.SERIAL));
        assertEquals("yellow", record.get(Field.COLOUR));
        assertEquals(Record.SCHEMA, record.get(Field.SCHEMA));
    }

    @Test
    void verified_unknownKey_carriesNoClaims() {
        KeyPair other = P256KeyPairs.generate(new SecureRandom());
        Record record = Record.verified(verifierAt(ISSUED_AT, other).verify(CODE.text())).build();

        assertEquals("UNKNOWN_KEY", record.reason());
        for (Field claim : new Field[] {Field.COLOUR, Field.KEY_ID, Field.SERIAL, Field.IDENTITY_HASH, Field.ISSUED_AT,
            Field.EXPIRES_AT}) {
            assertNull(record.get(claim), claim::toString);
        }
    }

    @Test
    void verified_validCode_hasNoReasonAndLowerCaseColour() {
        Record record = Record.verified(verifierAt(ISSUED_AT, PAIR).verify(CODE.text())).build();

        assertEquals(Verdict.VALID, record.verdict());
        assertFalse(record.values().containsKey(Field.REASON));
        assertEquals("yellow", record.get(Field.COLOUR));
        assertEquals("valid", record.get(Field.MESSAGE));
    }

    @Test
    void build_negativeWithoutReasonOrPositiveWithOne_isRefused() {
        assertThrows(IllegalStateException.class, () -> Record.builder(Verdict.REJECTED).message("no").build());
        assertThrows(IllegalStateException.class, () -> Record.builder(Verdict.VALID).message("ok").reason("X").build());
        assertThrows(NullPointerException.class, () -> Record.builder(Verdict.VALID).build());
        assertEquals("RED_CODE", Record.builder(Verdict.VALID).message("red").decision(false).reason("RED_CODE").build().reason());
    }
}
