package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Record entry(String checkpoint) {
        return Record.builder(Verdict.VALID).message("Green code: pass.").decision(true)
                .time(Instant.parse("2026-03-01T09:00:00Z")).checkpoint(checkpoint).direction("in").repeat(false).build();
    }

    @Test
    void open_logEndingInAPartialLine_cutsItAndAppendsOnALineBoundary() throws IOException {
        Path file = dir.resolve("gate.jsonl");
        StringWriter whole = new StringWriter();
        try (EntryLog log = EntryLog.open(file, RecordFormat.JSONL, new PrintWriter(whole))) {
            log.append(entry("a"));
            log.append(entry("b"));
        }
        // A crash in the middle of the third append.
        Files.writeString(file, "{\"schema\":\"greenlight.record/1\",\"ti", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        StringWriter warnings = new StringWriter();

        try (EntryLog log = EntryLog.open(file, RecordFormat.JSONL, new PrintWriter(warnings, true))) {
            log.append(entry("c"));
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), lines.toString());
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            assertEquals("greenlight.record/1", node.get("schema").asText(), line);
        }
        assertEquals("c", JSON.readTree(lines.get(2)).get("checkpoint").asText());
        assertTrue(warnings.toString().contains("partial line"), warnings.toString());
        assertTrue(Files.readString(file).endsWith("\n"));
    }

    @Test
    void open_csvLogWhoseOnlyLineIsTorn_startsOverWithTheHeader() throws IOException {
        Path file = dir.resolve("gate.csv");
        Files.writeString(file, "schema,time,check");
        StringWriter warnings = new StringWriter();

        try (EntryLog log = EntryLog.open(file, RecordFormat.CSV, new PrintWriter(warnings, true))) {
            log.append(entry("a"));
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("schema,time,checkpoint,"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",temperature,repeat"), lines.get(0));
        assertTrue(warnings.toString().contains("partial line"), warnings.toString());
    }

    @Test
    void open_csvLogOfAnOlderSchema_isRefusedRatherThanGivenRowsOfOtherColumns() throws IOException {
        Path file = dir.resolve("gate.csv");
        Files.writeString(file, "schema,time,checkpoint,direction,verdict,decision,reason,message,colour,key_id,serial,"
                + "identity_hash,issued_at,expires_at,temperature\n");

        IOException e = assertThrows(IOException.class,
                () -> EntryLog.open(file, RecordFormat.CSV, new PrintWriter(new StringWriter())).close());

        assertTrue(e.getMessage().contains("new log"), e.getMessage());
    }

    @Test
    void open_newLog_isOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("gate.jsonl");

        try (EntryLog log = EntryLog.open(file, RecordFormat.JSONL, new PrintWriter(new StringWriter()))) {
            log.append(entry("a"));
        }

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void open_existingLogReadableByOthers_warns() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("gate.jsonl");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        StringWriter warnings = new StringWriter();

        EntryLog.open(file, RecordFormat.JSONL, new PrintWriter(warnings, true)).close();

        assertTrue(warnings.toString().contains("readable by others"), warnings.toString());
    }
}
