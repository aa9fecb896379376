package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void next_lineLongerThanTheCap_keepsTheCapAndTheLengthAndTheNextLineIsIntact() throws IOException {
        List<LineReader.Line> lines = readAll(new LineReader(input("x".repeat(100) + "\nok\n"), 10));

        assertEquals(2, lines.size());
        assertTrue(lines.get(0).tooLong());
        assertEquals(10, lines.get(0).bytes().length);
        assertEquals(100, lines.get(0).length());
        assertEquals("ok", text(lines.get(1)));
        assertEquals(2, lines.get(1).number());
    }

    @Test
    void next_lineOfExactlyTheCapWithCrlf_isNotTooLong() throws IOException {
        LineReader.Line line = new LineReader(input("abcd\r\n"), 4).next();

        assertFalse(line.tooLong());
        assertEquals("abcd", text(line));
    }

    @Test
    void next_hugeLineWithoutNewline_costsOnlyTheCap() throws IOException {
        int size = 8 << 20;
        byte[] oneLine = new byte[size];
        java.util.Arrays.fill(oneLine, (byte) 'A');
        InputStream endless = new ByteArrayInputStream(oneLine);
        LineReader reader = new LineReader(endless, 4096);

        LineReader.Line line = reader.next();

        assertEquals(4096, line.bytes().length);
        assertEquals(size, line.length());
        assertNull(reader.next());
        assertEquals(size, reader.bytesRead());
    }

    @Test
    void next_spacesAndEmptyLines_areKeptAsTheyAre() throws IOException {
        List<LineReader.Line> lines = readAll(new LineReader(input("\uFEFF a \n\n"), 100));

        assertEquals(2, lines.size());
        assertEquals(" a ", text(lines.get(0)));
        assertEquals("", text(lines.get(1)));
    }

    @Test
    void csv_quotedNewline_staysInTheLineWithItsCrAndLinesAreCounted() throws IOException {
        List<LineReader.Line> lines = readAll(LineReader.csv(input("a,\"b\r\nc\",d\r\ne,f\n"), 100));

        assertEquals("a,\"b\r\nc\",d", text(lines.get(0)));
        assertEquals(1, lines.get(0).number());
        assertEquals("e,f", text(lines.get(1)));
        assertEquals(3, lines.get(1).number());
    }

    @Test
    void csv_unclosedQuote_isFlagged() throws IOException {
        LineReader.Line line = LineReader.csv(input("a,\"b\nc\n"), 100).next();

        assertTrue(line.unclosedQuote());
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<LineReader.Line> readAll(LineReader reader) throws IOException {
        List<LineReader.Line> lines = new ArrayList<>();
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static String text(LineReader.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }
}
