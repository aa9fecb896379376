package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalSafeTest {

    @Test
    void safe_osc8HyperlinkAndBell_areEscaped() {
        assertEquals("a\\x1b]8;;http://evil\\x07b", Terminal.safe("a\u001b]8;;http://evil\u0007b"));
    }

    @Test
    void safe_bidiOverridesAndIsolates_areEscaped() {
        assertEquals("gpj.\\u202eexe \\u2066x\\u2069 \\u200f \\u061c", Terminal.safe("gpj.\u202eexe \u2066x\u2069 \u200f \u061c"));
    }

    @Test
    void safe_c1DelAndLineEnds_areEscaped() {
        assertEquals("\\x9b31m \\x7f \\x0a\\x0d\\x09 \\u2028\\u2029", Terminal.safe("\u009b31m \u007f \n\r\t \u2028\u2029"));
    }

    @Test
    void safe_plainText_isReturnedAsIs() {
        String text = "GL1:AB CD 36,8 °C été =HYPERLINK(\"x\") \\x1b";
        assertSame(text, Terminal.safe(text));
        assertEquals("null", Terminal.safe(null));
    }
}
