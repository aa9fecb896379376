package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProgressTest {

    private static final Terminal STDERR_TERMINAL = new Terminal(false, true, true);

    @Test
    void line_halfwayAfterTenSeconds_showsBarRateAndEta() {
        Progress progress = new Progress(new PrintWriter(new StringWriter()), "rows", 1000, () -> 0L);

        String line = progress.line(200_000, 500, 10_000_000_000L);

        assertEquals("[###############               ]  50%  200,000 rows  20,000 rows/s  ETA 0:10", line);
    }

    @Test
    void line_unknownTotal_showsCountAndRateOnly() {
        Progress progress = new Progress(new PrintWriter(new StringWriter()), "records", -1, () -> 0L);

        assertEquals("3,000 records  1,500 records/s", progress.line(3000, 123, 2_000_000_000L));
    }

    @Test
    void update_firstDrawsThenAtMostFourTimesASecond() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        Progress progress = new Progress(new PrintWriter(err), "rows", 1000, () -> now[0]);

        now[0] = 10_000_000L;
        progress.update(10, 10);
        String first = err.toString();
        now[0] = 100_000_000L;
        progress.update(20, 20);
        String throttled = err.toString();
        now[0] = 10_000_000L + Progress.REDRAW_NANOS;
        progress.update(30, 30);

        assertTrue(first.startsWith("\r[") && first.contains("10 rows"), first);
        assertEquals(first, throttled, "within a quarter second nothing is drawn");
        assertTrue(err.toString().contains("30 rows"), err::toString);
        assertTrue(!err.toString().contains("\u001b"), "no escape sequences: a dumb terminal shows it too");
    }

    @Test
    void finish_afterDrawing_clearsTheLine() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), "rows", -1, () -> 0L);
        progress.update(5, 0);
        int drawn = err.toString().length();

        progress.finish();

        assertTrue(err.toString().substring(drawn).matches("\r +\r"), err::toString);
    }

    @Test
    void open_auto_followsStderrOnly() {
        ProgressOption option = parse();

        assertTrue(option.shown(STDERR_TERMINAL));
        assertTrue(!option.shown(new Terminal(true, false, true)), "stdout a terminal, stderr not: no progress");
    }

    @Test
    void open_neverOnATerminal_drawsNothing() {
        StringWriter err = new StringWriter();
        Progress progress = parse("--progress=never").open(new PrintWriter(err), STDERR_TERMINAL, "rows", 10, () -> 0L);
        progress.update(1, 1);
        progress.finish();

        assertSame(Progress.NONE, progress);
        assertEquals("", err.toString());
    }

    @Test
    void open_alwaysWithoutATerminal_draws() {
        StringWriter err = new StringWriter();
        Progress progress = parse("--progress", "ALWAYS").open(new PrintWriter(err), Terminal.NONE, "rows", 10, () -> 0L);
        progress.update(1, 1);

        assertTrue(err.toString().contains("1 rows"), err::toString);
    }

    @Test
    void open_quietOnATerminal_drawsNothing() {
        assertSame(Progress.NONE, parse("-q").open(new PrintWriter(new StringWriter()), STDERR_TERMINAL, "rows", 1, () -> 0L));
    }

    @Test
    void throughput_formatsCountTimeAndRate() {
        assertEquals("1,000 rows in 2.0 s (500 rows/s)", Progress.throughput(1000, "rows", 2_000_000_000L));
    }

    private static ProgressOption parse(String... args) {
        Holder holder = new Holder();
        CommandLine commandLine = new CommandLine(holder);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.parseArgs(args);
        return holder.option;
    }

    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        ProgressOption option;
    }
}
