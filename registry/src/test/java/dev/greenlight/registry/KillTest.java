package dev.greenlight.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process killed with SIGKILL in the middle of its daily job loses no committed check-in and
 * issues no second code for one decision: {@link CrashingJob} runs in a child JVM until it has
 * reported enough commits, is killed, and the registry is then opened and checked, and the job
 * re-run for the day it was in.
 */
class KillTest {

    /** How many committed writes to wait for before the kill. */
    private static final int COMMITS = 300;

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void kill9_midJob_committedCheckInsStayAndNoDecisionIssuesTwice(String backend) throws Exception {
        String url = backend.equals("sqlite") ? Registry.defaultUrl(home) : PostgresServer.require().newSchemaUrl();
        List<Long> checkIns = new ArrayList<>();
        Map<String, Long> serials = new HashMap<>();
        LocalDate lastDay = null;
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingJob.class.getName(), url).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            int commits = 0;
            while (commits < COMMITS && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                commits++;
                String[] words = line.split(" ");
                if (words[0].equals("checkin")) {
                    checkIns.add(Long.parseLong(words[1]));
                } else {
                    serials.put(words[1], Serial.parse(words[2]).value());
                    lastDay = LocalDate.parse(words[4]);
                }
            }
            // Killed mid-write: the child goes on committing while this line runs.
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(COMMITS, commits, "the child stopped early (its stderr is above)");
            // Whatever it printed after the last line read was committed too; what is read is what counts.
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "SIGKILL");

        try (Registry registry = Registry.open(url)) {
            try (PreparedStatement select = registry.connection().prepareStatement("SELECT count(*) FROM event WHERE id = ?")) {
                for (long id : checkIns) {
                    select.setLong(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        assertEquals(1, row.getLong(1), "committed check-in " + id + " is lost");
                    }
                }
            }
            try (PreparedStatement select = registry.connection().prepareStatement("SELECT serial FROM issued WHERE decision_id = ?")) {
                for (Map.Entry<String, Long> issued : serials.entrySet()) {
                    select.setBytes(1, HexFormat.of().parseHex(issued.getKey()));
                    try (ResultSet row = select.executeQuery()) {
                        assertTrue(row.next(), "committed code for decision " + issued.getKey() + " is lost");
                        assertEquals(issued.getValue(), row.getLong(1));
                    }
                }
            }
            assertEquals(0, RegistryContract.count(registry,
                    "SELECT count(*) FROM (SELECT decision_id FROM issued GROUP BY decision_id HAVING count(*) > 1) twice"));
            // A page is one transaction: the kill left each day's codes whole or not at all, never part of a page.
            assertEquals(0, RegistryContract.count(registry, "SELECT count(*) FROM (SELECT (issued_at - issued_at % 86400000000000)"
                    + " AS d FROM issued GROUP BY (issued_at - issued_at % 86400000000000) HAVING count(*) <> "
                    + CrashingJob.HOLDERS + ") partial"));

            // The job re-run for its last day after the crash: a holder already served keeps its code.
            Instant rerun = RegistryContract.MORNING.plus(Duration.ofDays(400));
            long before = RegistryContract.count(registry, "SELECT count(*) FROM issued");
            int known = 0;
            for (int k = 0; k < CrashingJob.HOLDERS; k++) {
                IdentityHash holder = RegistryContract.hash(k);
                DecisionId decision = DecisionId.reissue(holder, lastDay);
                Issuance result = registry.recordIssued(holder, new Issuance(new Serial(-1 - k), new KeyId(1), Colour.GREEN,
                        rerun, rerun.plus(Duration.ofDays(1)), decision));
                Long printed = serials.get(decision.toString());
                if (printed != null) {
                    known++;
                    assertEquals(printed.longValue(), result.serial().value(), "decision " + decision + " issued twice");
                }
            }
            assertTrue(known > 0);
            long added = RegistryContract.count(registry, "SELECT count(*) FROM issued") - before;
            assertTrue(added <= CrashingJob.HOLDERS - known, added + " codes added for " + (CrashingJob.HOLDERS - known) + " unserved");
            assertEquals(0, RegistryContract.count(registry,
                    "SELECT count(*) FROM (SELECT decision_id FROM issued GROUP BY decision_id HAVING count(*) > 1) twice"));

            if (registry.dialect() == Dialect.SQLITE) {
                try (Statement statement = registry.connection().createStatement()) {
                    assertEquals("ok", SqliteRegistryTest.pragma(statement, "integrity_check"));
                }
            }
        }
    }

}
