package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.SoftHsm;
import dev.greenlight.cli.Tools;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The two tools with the issuer's key in a PKCS#11 token (SoftHSM2 through SunPKCS11;
 * {@link SoftHsm} skips where it is missing, and fails under {@code CI=true}): {@code gl-issue}
 * generates the key in the token and signs there, {@code gl-verify} checks the codes with nothing
 * but the key's exported JWK.
 */
class Pkcs11EndToEndTest {

    private static final int BATCH_ROWS = 3000;

    @TempDir
    Path dir;

    private Path home;
    private Path pinFile;
    private Path trust;
    private String keyId;

    @BeforeEach
    void keyInTheToken() throws IOException {
        SoftHsm hsm = SoftHsm.require();
        home = dir.resolve("issuer-home");
        pinFile = dir.resolve("pin");
        Files.writeString(pinFile, SoftHsm.PIN + "\n");
        issuer("init", "--home", home.toString());
        keyId = issuer("keygen", "--home", home.toString(), "--pkcs11", hsm.config(SoftHsm.ISSUER).toString(),
                "--label", "e2e-" + System.nanoTime(), "--pin-file", pinFile.toString(), "--activate").strip();
        trust = home.resolve("keys").resolve(keyId + ".jwk.json");
        assertTrue(Files.isRegularFile(trust), "no " + trust);
        assertFalse(Files.exists(home.resolve("keys").resolve(keyId + ".key.pem")), "a private key file beside a token key");
    }

    @Test
    void issue_signedInTheToken_verifiesWithTheExportedPublicKey() throws IOException {
        String code = issuer("issue", "--home", home.toString(), "--doc", "PP-FRA", "--number", "18AV12345",
                "--colour", "yellow", "--validity", "12h", "--pin-file", pinFile.toString()).strip();

        Fixtures.Result result = verifier(new byte[0], "verify", "--json", "--trust=" + trust, code);

        assertEquals(0, result.exitCode(), result.out() + result.err());
        JsonNode record = new ObjectMapper().readTree(result.out());
        assertEquals("VALID", record.get("verdict").asText(), record.toString());
        assertEquals("yellow", record.get("colour").asText());
        assertEquals(keyId, record.get("key_id").asText());
    }

    @Test
    void batch_thousandsOfRowsSignedInTheToken_everyCodeVerifiesInBulk() throws IOException {
        Path rows = dir.resolve("rows.csv");
        StringBuilder csv = new StringBuilder("document_type,number,colour\n");
        String[] colours = {"green", "yellow", "red"};
        for (int i = 0; i < BATCH_ROWS; i++) {
            csv.append("PP-FRA,").append(String.format("%09d", i)).append(',').append(colours[i % 3]).append('\n');
        }
        Files.writeString(rows, csv);
        Path output = dir.resolve("codes.jsonl");

        issuer("batch", rows.toString(), "--home", home.toString(), "-o", output.toString(), "--threads", "4",
                "--quiet", "--pin-file", pinFile.toString());

        ObjectMapper json = new ObjectMapper();
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            JsonNode record = json.readTree(line);
            assertEquals("ISSUED", record.get("verdict").asText(), line);
            assertEquals(keyId, record.get("key_id").asText(), line);
            codes.add(record.get("code").asText());
        }
        assertEquals(BATCH_ROWS, codes.size());
        assertEquals(BATCH_ROWS, new HashSet<>(codes).size(), "every code its own text");

        byte[] input = (String.join("\n", codes) + "\n").getBytes(StandardCharsets.UTF_8);
        Fixtures.Result verified = verifier(input, "bulk", "--trust", trust.toString(), "--quiet", "-");

        assertEquals(0, verified.exitCode(), verified.err());
        Set<String> verdicts = new HashSet<>();
        int records = 0;
        for (String line : verified.out().split("\n")) {
            JsonNode record = json.readTree(line);
            verdicts.add(record.get("verdict").asText());
            records++;
        }
        assertEquals(BATCH_ROWS, records);
        assertEquals(Set.of("VALID"), verdicts);
    }

    private Fixtures.Result verifier(byte[] stdin, String... args) {
        CliContext context = Fixtures.context(Instant.now(), new ByteArrayInputStream(stdin), Map.of(), dir.resolve("h"));
        return Fixtures.run(context, args);
    }

    /** Runs gl-issue, requires success, and returns its standard output. */
    private static String issuer(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Tools.commandLine(new IssuerCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute(args), err::toString);
        assertFalse(out.toString().contains(SoftHsm.PIN) || err.toString().contains(SoftHsm.PIN), "the PIN was printed");
        return out.toString();
    }
}
