package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM trust files go through codec's one linear PEM reader. */
class TrustStoreTest {

    @TempDir
    Path dir;

    @Test
    void loadFile_oneMebibyteOfBeginLines_refusedWellUnderASecond() throws IOException {
        String line = "-----BEGIN PUBLIC KEY-----\n";
        Path file = Files.writeString(dir.resolve("trust.pem"), line.repeat(TrustStore.MAX_FILE_BYTES / line.length()),
                StandardCharsets.US_ASCII);

        // A hang detector, not a benchmark: the backtracking pattern this replaces took 243 s on this file.
        CliException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(CliException.class, () -> TrustStore.loadFile(file)));

        assertEquals(ExitCode.KEY_ERROR, e.exitCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void loadFile_severalPublicKeysWithTextBetween_loadsEachInOrder() throws Exception {
        ECPublicKey first = (ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic();
        ECPublicKey second = (ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic();
        Path file = Files.writeString(dir.resolve("trust.pem"),
                "Issuer A\n" + PemKeys.publicKeyToPem(first) + "\nIssuer B\n" + PemKeys.publicKeyToPem(second));

        List<ECPublicKey> keys = TrustStore.loadFile(file);

        assertEquals(List.of(first.getW(), second.getW()), keys.stream().map(ECPublicKey::getW).toList());
    }

    @Test
    void loadFile_secondBlockBroken_refusesTheWholeFile() throws Exception {
        String pem = PemKeys.publicKeyToPem((ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic());
        Path file = Files.writeString(dir.resolve("trust.pem"), pem + "-----BEGIN PUBLIC KEY-----\nMFkw\n");

        CliException e = assertThrows(CliException.class, () -> TrustStore.loadFile(file));

        assertTrue(e.getMessage().contains("-----END PUBLIC KEY-----"), e.getMessage());
    }
}
