package dev.greenlight.issuer;

import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** Reads an issuer home the way an outsider would: from its files. */
final class Homes {

    private Homes() {
    }

    static String activeKeyId(Path home) throws IOException {
        for (String line : Files.readAllLines(home.resolve("settings.properties"))) {
            if (line.startsWith("active-key=")) {
                return line.substring("active-key=".length());
            }
        }
        throw new AssertionError("no active-key in settings");
    }

    static List<ECPublicKey> publicKeys(Path home) throws IOException {
        List<ECPublicKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(home.resolve("keys"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pub.pem")).toList()) {
                keys.add(PemKeys.publicKeyFromPem(Files.readString(file)));
            }
        }
        return keys;
    }

    static Verifier verifier(Path home, Clock clock) throws IOException {
        return Verifier.builder(TrustedKeys.of(publicKeys(home)), clock).build();
    }

    static IdentitySecret identitySecret(Path home) throws IOException {
        return IdentitySecret.of(identitySecretBytes(home));
    }

    /** Decoded here, not by codec's IdentitySecretFile: the file's format is checked by a second reader. */
    static byte[] identitySecretBytes(Path home) throws IOException {
        return Base64.getDecoder().decode(Files.readString(home.resolve("identity-secret")).strip());
    }
}
