package dev.greenlight.issuer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowParserTest {

    @Test
    void split_quotedFieldsWithCommasAndDoubledQuotes_areUnquoted() throws Exception {
        assertEquals(List.of("a", "b,c", "say \"hi\"", ""), CsvRowParser.split("a,\"b,c\",\"say \"\"hi\"\"\","));
    }

    @Test
    void split_quoteInsideUnquotedField_isMalformed() {
        RowError.RowException e = assertThrows(RowError.RowException.class, () -> CsvRowParser.split("a,b\"c"));
        assertEquals(RowError.Kind.MALFORMED_ROW, e.error().kind());
    }

    @Test
    void parse_emptyValidity_meansTheDefault() throws Exception {
        Row row = CsvRowParser.fromHeader("doc,number,colour,validity").parse("CNID,1,green,");

        assertEquals(new Row("CNID", "1", "green", null), row);
        assertNull(row.validity());
    }

    @Test
    void fromHeader_duplicateOrMissingColumn_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvRowParser.fromHeader("doc,number,colour,color"));
        assertThrows(IllegalArgumentException.class, () -> CsvRowParser.fromHeader("doc,number"));
    }
}
