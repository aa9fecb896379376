package dev.greenlight.verifier;

import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.codec.Verifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns one line of input bytes into a verification outcome. Stateless and thread-safe. */
final class CodeTexts {

    private CodeTexts() {
    }

    static Outcome verifyLine(Verifier verifier, LineReader.Line line, int maxLineBytes) {
        LineText read = readLine(line, maxLineBytes);
        return read.failure() != null ? read.failure() : Outcome.of(verifier.verify(read.text()));
    }

    /** The text of a line to verify, or why there is none. */
    static LineText readLine(LineReader.Line line, int maxLineBytes) {
        if (line.tooLong()) {
            return new LineText(null, Outcome.unreadable(InputProblem.LINE_TOO_LONG,
                    "line too long: " + line.length() + " bytes, more than the limit of " + maxLineBytes));
        }
        byte[] bytes = line.bytes();
        if (bytes.length == 0) {
            return new LineText(null, Outcome.unreadable(InputProblem.EMPTY_LINE, "empty line"));
        }
        String text = decode(bytes);
        if (text == null) {
            return new LineText(null, Outcome.unreadable(InputProblem.NOT_UTF8, "not UTF-8 text (binary data?)"));
        }
        return new LineText(text, null);
    }

    /** Exactly one of the two is set. */
    record LineText(String text, Outcome failure) {
    }

    /** The text, or null if the bytes are not UTF-8. No trimming: spaces belong to the Base45 alphabet. */
    static String decode(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // Codes are ASCII: the common case skips the decoder.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

}
