package dev.greenlight.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.Verifier;

/** One issuer key and a pool of its codes, shared by the benchmarks; built once per trial. */
final class Fixtures {

    static final Instant ISSUED_AT = Instant.parse("2026-03-01T08:00:00Z");
    /** Distinct codes, cycled through so that no benchmark verifies one input forever. */
    static final int POOL = 256;

    final KeyPair keys;
    final Issuer issuer;
    final Verifier verifier;
    final String[] texts = new String[POOL];
    final IssuedCode[] codes = new IssuedCode[POOL];

    Fixtures() {
        SecureRandom random = new SecureRandom();
        this.keys = P256KeyPairs.generate(random);
        this.issuer = Issuer.builder(IdentitySecret.generate(random), Clock.fixed(ISSUED_AT, ZoneOffset.UTC))
                .signingKey((ECPrivateKey) keys.getPrivate())
                .build();
        this.verifier = Verifier.builder(TrustedKeys.of(publicKey()), Clock.fixed(ISSUED_AT.plus(Duration.ofHours(1)), ZoneOffset.UTC))
                .build();
        Colour[] colours = Colour.values();
        for (int i = 0; i < POOL; i++) {
            codes[i] = issuer.issue(identity(i), colours[i % colours.length]);
            texts[i] = codes[i].text();
        }
    }

    ECPublicKey publicKey() {
        return (ECPublicKey) keys.getPublic();
    }

    /** The public key re-made by the JDK's SunEC provider, so the JDK baselines run on their own key class. */
    ECPublicKey sunEcPublicKey() throws GeneralSecurityException {
        return (ECPublicKey) KeyFactory.getInstance("EC", "SunEC")
                .generatePublic(new X509EncodedKeySpec(keys.getPublic().getEncoded()));
    }

    ECPrivateKey sunEcPrivateKey() throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC", "SunEC")
                .generatePrivate(new PKCS8EncodedKeySpec(keys.getPrivate().getEncoded()));
    }

    static Identity identity(int i) {
        return Identity.passport("FRA", String.format("18AV%05d", i));
    }
}
