package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.PemKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads trusted issuer public keys from files: a JWK Set, a single JWK, or PEM public keys (one or
 * more {@code PUBLIC KEY} blocks). A directory contributes every {@code *.jwks}, {@code *.jwk},
 * {@code *.json} and {@code *.pem} file in it, in name order. Any file that cannot be used fails
 * the whole load with a message naming it: silently trusting fewer keys than configured would
 * turn valid codes into "unknown key" rejections with no hint why.
 */
final class TrustStore {

    /**
     * Key files are small; this bounds what a misconfigured path (a disk image, a log) can cost.
     * The same as codec's caps on a JWK Set and a PEM file of several keys.
     */
    static final int MAX_FILE_BYTES = 1 << 20;

    private TrustStore() {
    }

    /** The distinct keys from all paths; never empty. */
    static List<ECPublicKey> load(List<Path> paths) {
        return load(paths, InputStream.nullInputStream());
    }

    /** The distinct keys from all paths, {@code -} being one key file read from {@code stdin}; never empty. */
    static List<ECPublicKey> load(List<Path> paths, InputStream stdin) {
        if (paths.stream().filter(AtomicOutput::isStandardStream).count() > 1) {
            throw new CliException(ExitCode.USAGE, "--trust - given more than once: stdin holds one key file");
        }
        // Keyed by the public point: the same key in a .pem and a .jwks must not be tried twice per code.
        Map<ECPoint, ECPublicKey> keys = new LinkedHashMap<>();
        for (Path path : paths) {
            if (AtomicOutput.isStandardStream(path)) {
                addAll(keys, parse("stdin", readBytes(stdin, "stdin"), ""));
            } else if (Files.isDirectory(path)) {
                List<Path> files = keyFilesIn(path);
                if (files.isEmpty()) {
                    throw new CliException(ExitCode.NOT_CONFIGURED, "trust directory " + path + " holds no *.jwks, *.jwk, *.json or *.pem file");
                }
                for (Path file : files) {
                    addAll(keys, loadFile(file));
                }
            } else if (Files.exists(path)) {
                addAll(keys, loadFile(path));
            } else {
                throw new CliException(ExitCode.NOT_CONFIGURED, "trust path " + path + " does not exist");
            }
        }
        if (keys.isEmpty()) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "no trusted keys found in " + paths);
        }
        return List.copyOf(keys.values());
    }

    private static void addAll(Map<ECPoint, ECPublicKey> keys, List<ECPublicKey> loaded) {
        for (ECPublicKey key : loaded) {
            keys.putIfAbsent(key.getW(), key);
        }
    }

    private static List<Path> keyFilesIn(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean keyFile = name.endsWith(".jwks") || name.endsWith(".jwk") || name.endsWith(".json") || name.endsWith(".pem");
                if (keyFile && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot list trust directory " + directory + ": " + e.getMessage());
        }
        files.sort(null);
        return files;
    }

    static List<ECPublicKey> loadFile(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = readBytes(in, file.toString());
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read trust file " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), bytes, file.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    /**
     * The keys of one file's bytes. Without a telling file name ({@code lower} is the lower-case
     * name, empty for stdin) the text decides: PEM by its armour, a JWK Set by its "keys".
     */
    private static List<ECPublicKey> parse(String file, byte[] bytes, String lower) {
        String text = text(file, bytes);
        try {
            boolean pem = lower.endsWith(".pem") || (!lower.endsWith(".json") && !lower.endsWith(".jwks")
                    && !lower.endsWith(".jwk") && text.stripLeading().startsWith("-----BEGIN"));
            if (pem) {
                return PemKeys.publicKeysFromPem(text);
            }
            if (text.contains("\"keys\"")) {
                return JwkKeys.publicKeysFromJwks(text);
            }
            return List.of(JwkKeys.publicKeyFromJwk(text));
        } catch (KeyFormatException e) {
            throw new CliException(ExitCode.KEY_ERROR, "trust file " + file + ": " + e.getMessage());
        }
    }

    private static byte[] readBytes(InputStream in, String file) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read trust file " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new CliException(ExitCode.KEY_ERROR, "trust file " + file + " is larger than " + MAX_FILE_BYTES + " bytes: not a key file");
        }
        return bytes;
    }

    private static String text(String file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCode.KEY_ERROR, "trust file " + file + " is not UTF-8 text: not a JWKS, JWK or PEM file");
        }
    }
}
