package dev.greenlight.cli.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTerminalGuardTest {

    @Test
    void cell_escapeSequenceAndBidiOverride_areEscapedAndLineEndsKept() {
        assertEquals("a\\x1b]8;;x\\x07b\\u202ec\nd\te", CsvRecordWriter.cell("a\u001b]8;;x\u0007b\u202ec\nd\te"));
    }

    @Test
    void cell_formulaAfterEscaping_stillGuarded() {
        assertEquals("'=HYPERLINK(\"http://evil\",\"\\u202eopen\")", CsvRecordWriter.cell("=HYPERLINK(\"http://evil\",\"\u202eopen\")"));
        assertEquals("'\tx", CsvRecordWriter.cell("\tx"));
    }
}
