package dev.greenlight.cli.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    private static final List<String> COLUMNS = List.of("document_type", "number", "colour", "validity", "id");
    private static final Set<String> REQUIRED = Set.of("document_type", "number", "colour");
    private static final Map<String, String> ALIASES = Map.of("doc", "document_type", "color", "colour");

    private static CsvRowReader header(String text, char delimiter) {
        return CsvRowReader.fromHeader(text, 1, delimiter, COLUMNS, REQUIRED, ALIASES);
    }

    @Test
    void row_anyColumnOrderAndAliases_comeBackInCanonicalOrder() throws Exception {
        CsvRowReader reader = header("id,Color,Doc,number", ',');

        assertArrayEquals(new String[] {"CNID", "1, 2", "green", null, "a\"b"}, reader.row("\"a\"\"b\",green,CNID,\"1, 2\"", 2));
    }

    @Test
    void row_semicolonAndTabDelimiters_splitOnThemOnly() throws Exception {
        assertArrayEquals(new String[] {"CNID", "1,2", "red", "", null}, header("doc;number;colour;validity", ';').row("CNID;1,2;red;", 2));
        assertArrayEquals(new String[] {"CNID", "1;2", "red", "12h", null},
                header("doc\tnumber\tcolour\tvalidity", '\t').row("CNID\t1;2\tred\t12h", 2));
    }

    @Test
    void fromHeader_unknownDuplicateOrMissingColumn_namesLineAndColumn() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> header("doc,nmber,colour", ',')).getMessage();
        assertTrue(unknown.contains("line 1, column 2") && unknown.contains("'nmber'"), unknown);
        String twice = assertThrows(IllegalArgumentException.class, () -> header("doc,number,colour,color", ',')).getMessage();
        assertTrue(twice.contains("line 1, column 4") && twice.contains("colour"), twice);
        String missing = assertThrows(IllegalArgumentException.class, () -> header("doc,colour", ',')).getMessage();
        assertTrue(missing.contains("line 1") && missing.contains("number"), missing);
    }

    @Test
    void fromHeader_jsonLines_saysToUseFormatJsonl() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> header("  {\"document_type\":\"CNID\",\"number\":\"1\",\"colour\":\"green\"}", ',')).getMessage();
        assertTrue(message.contains("--format jsonl"), message);
    }

    @Test
    void row_wrongCellCountOrBadQuoting_namesTheLine() {
        CsvRowReader reader = header("doc,number,colour", ',');

        CsvInputException count = assertThrows(CsvInputException.class, () -> reader.row("CNID,1", 17));
        assertEquals(InputProblem.WRONG_COLUMN_COUNT, count.problem());
        assertTrue(count.getMessage().startsWith("line 17:"), count.getMessage());
        CsvInputException quote = assertThrows(CsvInputException.class, () -> reader.row("CNID,\"1\"x,green", 18));
        assertEquals(InputProblem.MALFORMED_ROW, quote.problem());
        assertTrue(quote.getMessage().startsWith("line 18:"), quote.getMessage());
        CsvInputException cr = assertThrows(CsvInputException.class, () -> reader.row("CNID,1,green\rCNID,2,red", 19));
        assertEquals(InputProblem.MALFORMED_ROW, cr.problem());
    }
}
