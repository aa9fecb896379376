package dev.greenlight.issuer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.records.InputProblem;
import org.junit.jupiter.api.Test;

class CsvRowParserTest {

    @Test
    void parse_quotedCellsWithCommasAndQuotes_areOneCellEach() throws Exception {
        Row row = CsvRowParser.fromHeader("id,doc,number,colour").parse("\"a,\"\"b\"\"\",CNID,\"1,2\",green", 2);

        assertEquals(new Row("CNID", "1,2", "green", null, "a,\"b\""), row);
    }

    @Test
    void parse_textAfterAClosingQuote_isMalformedAndNamesTheLine() {
        RowError.RowException e = assertThrows(RowError.RowException.class,
                () -> CsvRowParser.fromHeader("doc,number,colour").parse("CNID,\"1101\"05,green", 9));
        assertEquals(InputProblem.MALFORMED_ROW, e.error().problem());
        assertTrue(e.getMessage().startsWith("line 9:"), e.getMessage());
    }

    @Test
    void parse_emptyValidity_meansTheDefault() throws Exception {
        Row row = CsvRowParser.fromHeader("doc,number,colour,validity").parse("CNID,1,green,", 2);

        assertEquals(new Row("CNID", "1", "green", null, null), row);
        assertNull(row.validity());
    }

    @Test
    void parse_semicolonDelimiter_keepsCommasInCells() throws Exception {
        Row row = CsvRowParser.fromHeader("doc;number;colour;id", 1, ';').parse("CNID;1;green;a,b", 2);

        assertEquals(new Row("CNID", "1", "green", null, "a,b"), row);
    }

    @Test
    void fromHeader_duplicateOrMissingColumn_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvRowParser.fromHeader("doc,number,colour,color"));
        assertThrows(IllegalArgumentException.class, () -> CsvRowParser.fromHeader("doc,number"));
    }
}
