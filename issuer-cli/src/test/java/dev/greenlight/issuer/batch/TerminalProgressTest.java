package dev.greenlight.issuer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void line_halfwayAfterTenSeconds_showsBarRateAndEta() {
        TerminalProgress progress = new TerminalProgress(new PrintWriter(new StringWriter()), 1000, () -> 0L);

        String line = progress.line(200_000, 500, 10_000_000_000L);

        assertEquals("[###############               ]  50%  200000 rows  20000 codes/s  ETA 0:10", line);
    }

    @Test
    void update_withinAQuarterSecond_drawsNothing() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err), 1000, () -> now[0]);

        now[0] = 100_000_000L;
        progress.update(10, 10);
        String early = err.toString();
        now[0] = 300_000_000L;
        progress.update(20, 20);

        assertEquals("", early);
        assertEquals(true, err.toString().startsWith("\r[") && err.toString().contains("20 rows"), err::toString);
    }
}
