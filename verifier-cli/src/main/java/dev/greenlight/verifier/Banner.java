package dev.greenlight.verifier;

import java.util.List;
import java.util.Map;

/**
 * PASS and DENY in letters five lines high: readable from a step away, and unlike each other in
 * shape as well as colour, for operators who cannot tell red from green.
 */
final class Banner {

    private static final Map<Character, String[]> GLYPHS = Map.of(
            'P', new String[] {"#### ", "#   #", "#### ", "#    ", "#    "},
            'A', new String[] {" ### ", "#   #", "#####", "#   #", "#   #"},
            'S', new String[] {" ####", "#    ", " ### ", "    #", "#### "},
            'D', new String[] {"#### ", "#   #", "#   #", "#   #", "#### "},
            'E', new String[] {"#####", "#    ", "#### ", "#    ", "#####"},
            'N', new String[] {"#   #", "##  #", "# # #", "#  ##", "#   #"},
            'Y', new String[] {"#   #", " # # ", "  #  ", "  #  ", "  #  "});

    private Banner() {
    }

    /** The word's five rows; on a terminal with block characters, else with '#'. */
    static List<String> rows(String word, boolean blocks) {
        String[] rows = new String[5];
        for (int row = 0; row < 5; row++) {
            StringBuilder line = new StringBuilder("  ");
            for (char letter : word.toCharArray()) {
                String glyph = GLYPHS.get(letter)[row];
                line.append(blocks ? glyph.replace('#', '\u2588') : glyph).append("  ");
            }
            rows[row] = line.toString().stripTrailing();
        }
        return List.of(rows);
    }
}
