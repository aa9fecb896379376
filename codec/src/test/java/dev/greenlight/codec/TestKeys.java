package dev.greenlight.codec;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Keys and builders that tests share: a random key per test class, fixed clocks. */
final class TestKeys {

    static final Instant ISSUED_AT = Instant.parse("2026-03-01T08:00:00Z");

    private TestKeys() {
    }

    static KeyPair newKeyPair() {
        return P256KeyPairs.generate(new SecureRandom());
    }

    static Issuer issuer(KeyPair pair, Instant now) {
        return Issuer.builder(IdentitySecret.of(new byte[32]), Clock.fixed(now, ZoneOffset.UTC))
                .signingKey((ECPrivateKey) pair.getPrivate())
                .build();
    }

    static Verifier verifier(KeyResolver keys, Instant now) {
        return Verifier.builder(keys, Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    static Verifier verifier(KeyPair pair, Instant now) {
        return verifier(TrustedKeys.of((ECPublicKey) pair.getPublic()), now);
    }
}
