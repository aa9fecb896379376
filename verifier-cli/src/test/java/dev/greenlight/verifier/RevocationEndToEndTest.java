package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.Tools;
import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.CodeFormatException;
import dev.greenlight.codec.Verifier;
import dev.greenlight.issuer.IssuerCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13, revocation, through both tools: codes issued by two issuers with gl-issue, one serial
 * and one whole key revoked and published with gl-issue revoke, then gl-verify with the root and
 * the lists: exactly those codes are REVOKED, a delta adds one more, and the base alone afterwards
 * is refused as a rollback.
 */
class RevocationEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void revokePublishVerify_exactlyTheRevokedAreRevoked_andAnOlderListIsRefused() throws IOException, CodeFormatException {
        Path homeA = dir.resolve("issuer-a");
        Path homeB = dir.resolve("issuer-b");
        issuer("init", "--home", homeA.toString());
        issuer("init", "--home", homeB.toString());
        String a1 = issue(homeA, "18AV00001");
        String a2 = issue(homeA, "18AV00002");
        String a3 = issue(homeA, "18AV00003");
        String b1 = issue(homeB, "18AV00004");
        Path authority = authorityHome("root passphrase");
        Path passphrase = dir.resolve("root.pass");
        Files.writeString(passphrase, "root passphrase\n");
        CodeClaims claimsA1 = Verifier.inspectUnverified(a1).claims();
        CodeClaims claimsA2 = Verifier.inspectUnverified(a2).claims();
        CodeClaims claimsB1 = Verifier.inspectUnverified(b1).claims();

        issuer("revoke", "--authority", authority.toString(), "--serial", claimsA1.keyId() + "/" + claimsA1.serial(), "--reason", "issued in error");
        issuer("revoke", "--authority", authority.toString(), "--key", claimsB1.keyId().toString(), "--reason", "key compromised");
        Path base = dir.resolve("base.jws");
        issuer("revoke", "publish", "--authority", authority.toString(), "--passphrase-file", passphrase.toString(), "-o", base.toString());

        List<String> codes = List.of(a1, a2, a3, b1);
        Path root = authority.resolve("root.pub.pem");
        List<JsonNode> records = bulk(codes, 1, "--root", root.toString(), "--revocations", base.toString());
        assertEquals(List.of("REVOKED", "VALID", "VALID", "REVOKED"), verdicts(records));
        assertEquals(claimsA1.serial().toString(), records.get(0).get("serial").asText(), "a revoked code keeps its signed claims");
        assertEquals(claimsB1.keyId().toString(), records.get(3).get("key_id").asText());

        issuer("revoke", "--authority", authority.toString(), "--serial", claimsA2.keyId() + "/" + claimsA2.serial(), "--reason", "colour changed");
        Path delta = dir.resolve("delta.jws");
        issuer("revoke", "publish", "--authority", authority.toString(), "--passphrase-file", passphrase.toString(), "-o", delta.toString());
        assertEquals(List.of("REVOKED", "REVOKED", "VALID", "REVOKED"),
                verdicts(bulk(codes, 1, "--root", root.toString(), "--revocations", base.toString(), "--revocations", delta.toString())));
        assertEquals(List.of("VALID", "VALID", "VALID", "VALID"), verdicts(bulk(codes, 0)), "without lists nothing is revoked");

        Fixtures.Result rollback = verify(codes.get(2), "--root", root.toString(), "--revocations", base.toString());
        assertEquals(5, rollback.exitCode(), rollback.err());
        assertTrue(rollback.err().contains("rollback"), rollback.err());
        Fixtures.Result deltaAlone = verify(codes.get(2), "--root", root.toString(), "--revocations", delta.toString());
        assertEquals(5, deltaAlone.exitCode(), deltaAlone.err());
        assertTrue(deltaAlone.err().contains("WRONG_BASE"), deltaAlone.err());
        Path baseAgain = Files.copy(base, dir.resolve("base-again.jws"));
        Fixtures.Result brokenChain = verify(codes.get(2), "--root", root.toString(),
                "--revocations", base.toString(), "--revocations", baseAgain.toString(), "--revocations", delta.toString());
        assertEquals(5, brokenChain.exitCode(), brokenChain.err());
        assertTrue(brokenChain.err().contains("revocation list " + baseAgain + " refused (WRONG_BASE)"),
                "the list that breaks the chain is named, not the last: " + brokenChain.err());
        Fixtures.Result noRoot = verify(codes.get(2), "--revocations", base.toString());
        assertEquals(7, noRoot.exitCode(), noRoot.err());
        assertTrue(noRoot.err().contains("--root"), noRoot.err());
        Fixtures.Result byTrustedIssuerKey = verify(codes.get(2), "--root", trustFile(homeA).toString(), "--revocations", delta.toString());
        assertEquals(5, byTrustedIssuerKey.exitCode(), byTrustedIssuerKey.err());
        assertTrue(byTrustedIssuerKey.err().contains("BAD_SIGNATURE"), byTrustedIssuerKey.err());
    }

    /** The authority as an operator makes it: {@code gl-issue trust init}, the root encrypted. */
    private Path authorityHome(String passphrase) throws IOException {
        Path home = dir.resolve("authority");
        Path passphraseFile = dir.resolve("init.pass");
        Files.writeString(passphraseFile, passphrase + "\n");
        issuer("trust", "init", "--authority", home.toString(), "--passphrase-file", passphraseFile.toString());
        return home;
    }

    private List<JsonNode> bulk(List<String> codes, int expectedExit, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("bulk", "--trust=" + trustFile(dir.resolve("issuer-a")), "--trust=" + trustFile(dir.resolve("issuer-b"))));
        args.addAll(List.of(options));
        args.add("-");
        byte[] input = (String.join("\n", codes) + "\n").getBytes(StandardCharsets.UTF_8);
        Fixtures.Result result = Fixtures.run(context(input), args.toArray(String[]::new));
        assertEquals(expectedExit, result.exitCode(), result.err());
        List<JsonNode> records = new ArrayList<>();
        for (String line : result.outLines()) {
            records.add(new ObjectMapper().readTree(line));
        }
        return records;
    }

    private Fixtures.Result verify(String code, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("verify", "--trust=" + trustFile(dir.resolve("issuer-a"))));
        args.addAll(List.of(options));
        args.add(code);
        return Fixtures.run(context(new byte[0]), args.toArray(String[]::new));
    }

    private CliContext context(byte[] stdin) {
        return Fixtures.context(Instant.now(), new ByteArrayInputStream(stdin), Map.of(), dir.resolve("scanner-home"));
    }

    private static List<String> verdicts(List<JsonNode> records) {
        List<String> verdicts = new ArrayList<>();
        for (JsonNode record : records) {
            verdicts.add(record.get("verdict").asText().equals("VALID") ? "VALID" : record.get("reason").asText());
        }
        return verdicts;
    }

    private static Path trustFile(Path home) throws IOException {
        try (Stream<Path> keys = Files.list(home.resolve("keys"))) {
            return keys.filter(p -> p.getFileName().toString().endsWith(".jwk.json")).findFirst().orElseThrow();
        }
    }

    private static String issue(Path home, String number) {
        return issuer("issue", "--home", home.toString(), "--doc", "PP-FRA", "--number", number, "--colour", "green").replaceAll("[\r\n]+$", "");
    }

    /** Runs gl-issue, requires success, and returns its standard output. */
    private static String issuer(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Tools.commandLine(new IssuerCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute(args), () -> String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
