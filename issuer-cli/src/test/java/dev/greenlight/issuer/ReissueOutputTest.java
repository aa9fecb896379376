package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.codec.Identity;
import dev.greenlight.rules.Declaration;
import dev.greenlight.rules.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reissue -o FILE} when the job dies: what it recorded, it has written. */
class ReissueOutputTest {

    @TempDir
    Path temp;

    @Test
    void reissue_dyingAfterItsFirstPage_leavesThatPagesRecordsInTheFile() throws Exception {
        Cli cli = new Cli(temp);
        Path home = cli.initHome();
        // One holder more than a page: the first thousand are committed together, the last alone.
        StringBuilder holdersFile = new StringBuilder();
        try (Holders holders = Holders.open(IssuerHome.open(home))) {
            for (int i = 0; i <= 1000; i++) {
                String number = String.format("18AV%05d", i);
                holders.apply(holders.hash(Identity.passport("FRA", number)),
                        new Event.Declared(Declaration.ofTemperature(BodyTemperature.ofCelsius(new BigDecimal("36.6")))), Cli.NOW);
                holdersFile.append("PP-FRA:").append(number).append('\n');
            }
        }
        byte[] holderLines = holdersFile.toString().getBytes(StandardCharsets.UTF_8);
        String later = Cli.NOW.plus(Duration.ofHours(1)).toString();

        // The holders, then an input that fails: the job dies with the first page committed and the last not.
        cli.stdinStream = new SequenceInputStream(new ByteArrayInputStream(holderLines), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the input went away");
            }
        });
        Cli.Result died = cli.run("reissue", "--home", "home", "--holders", "-", "--now", later, "-o", "codes.jsonl");

        assertEquals(ExitCode.IO_ERROR.code(), died.exitCode(), died::toString);
        Path written = cli.workingDirectory.resolve("codes.jsonl");
        assertTrue(died.err().contains("the 1000 codes recorded so far stand and their records are in " + written), died::toString);
        assertEquals(1000, issuedRecords(written), "the committed page's records were written before the job died");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(written), "identity hashes: owner only");

        cli.stdinStream = null;
        cli.stdin = holderLines;
        Cli.Result rerun = cli.run("reissue", "--home", "home", "--holders", "-", "--now", later, "-o", "rest.jsonl");

        assertEquals(ExitCode.OK.code(), rerun.exitCode(), rerun::toString);
        assertEquals(1, issuedRecords(cli.workingDirectory.resolve("rest.jsonl")), "only the holder of the lost page");
        assertTrue(rerun.err().contains("issued: 1, not due: 1000"), rerun::toString);
    }

    private static long issuedRecords(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.stream().filter(line -> line.contains("\"verdict\":\"ISSUED\"")).count();
    }
}
