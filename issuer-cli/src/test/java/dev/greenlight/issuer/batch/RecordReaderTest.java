package dev.greenlight.issuer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.greenlight.cli.records.InputProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    @Test
    void next_csvQuotedNewlineAndCrlf_keepsTheQuotedNewlineInTheRecord() throws IOException {
        List<InputRecord> records = readAll("a,\"b\r\nc\",d\r\n\r\ne,f\r\n", true);

        assertEquals(2, records.size());
        assertEquals("a,\"b\r\nc\",d", text(records.get(0)));
        assertEquals(1, records.get(0).line());
        assertEquals("e,f", text(records.get(1)));
        assertEquals(4, records.get(1).line());
        assertEquals(2, records.get(1).row());
    }

    @Test
    void next_jsonMode_quotesDoNotJoinLines() throws IOException {
        List<InputRecord> records = readAll("{\"a\":\"\n}\n", false);

        assertEquals(2, records.size());
    }

    @Test
    void next_byteOrderMarkAndNoFinalNewline_areHandled() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "x,y\nz".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, input, 0, 3);
        System.arraycopy(body, 0, input, 3, body.length);
        RecordReader reader = new RecordReader(new ByteArrayInputStream(input), true);

        assertEquals("x,y", text(reader.nextHeader()));
        InputRecord last = reader.next();
        assertEquals("z", text(last));
        assertEquals(1, last.row());
        assertNull(reader.next());
    }

    @Test
    void next_unclosedQuoteAtEnd_isAMalformedRecord() throws IOException {
        List<InputRecord> records = readAll("a,\"b\nc\n", true);

        assertEquals(1, records.size());
        assertEquals(InputProblem.MALFORMED_ROW, records.get(0).problem().problem());
    }

    @Test
    void next_recordLongerThanTheLimit_isRowTooLongAndTheNextRecordIsIntact() throws IOException {
        String input = "x".repeat(RecordReader.MAX_RECORD_BYTES + 1) + "\nnext\n";

        List<InputRecord> records = readAll(input, true);

        assertEquals(2, records.size());
        assertEquals(InputProblem.ROW_TOO_LONG, records.get(0).problem().problem());
        assertEquals("next", text(records.get(1)));
        assertEquals(2, records.get(1).line());
    }

    private static List<InputRecord> readAll(String input, boolean csv) throws IOException {
        RecordReader reader = new RecordReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), csv);
        List<InputRecord> records = new ArrayList<>();
        for (InputRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    private static String text(InputRecord record) {
        return new String(record.bytes(), StandardCharsets.UTF_8);
    }
}
