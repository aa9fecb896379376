package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.Terminal;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug inside a command must not read as "rejected" (1): it is an internal error, exit 70, with its stack trace. */
class InternalErrorTest {

    @TempDir
    Path dir;

    /** A clock that fails when read: an unexpected exception from deep inside verification. */
    private static final class BrokenClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new IllegalStateException("broken clock");
        }
    }

    @Test
    void verify_unexpectedException_exitsSoftwareWithStackTrace() throws IOException {
        Fixtures fx = new Fixtures(dir);
        IssuedCode code = fx.issue(Colour.GREEN);
        CliContext context = new CliContext(new BrokenClock(), new ByteArrayInputStream(new byte[0]), Map.of(),
                dir.resolve("home"), Terminal.NONE, 2);

        Fixtures.Result result = Fixtures.run(context, "verify", "--trust", fx.jwks.toString(), code.text());

        assertEquals(ExitCode.INTERNAL_ERROR.code(), result.exitCode(), result.err());
        assertEquals(70, ExitCode.INTERNAL_ERROR.code(), "the same code as gl-issue's internal error");
        assertTrue(result.err().contains("internal error"), result.err());
        assertTrue(result.err().contains("broken clock"), result.err());
        assertTrue(result.err().contains("\tat "), "a stack trace: " + result.err());
        assertEquals("", result.out());
    }

    @Test
    void help_everyCommand_listsTheInternalErrorCode() {
        for (String command : new String[] {"verify", "bulk", "scan", "inspect"}) {
            Fixtures.Result result = Fixtures.run(Fixtures.context(Fixtures.NOW, new ByteArrayInputStream(new byte[0]),
                    Map.of(), dir), command, "--help");

            assertEquals(0, result.exitCode(), command);
            assertTrue(result.out().contains("70") && result.out().contains("internal error"), command + ": " + result.out());
        }
    }
}
