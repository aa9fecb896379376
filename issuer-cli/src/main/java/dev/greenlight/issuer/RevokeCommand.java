package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.Terminal;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "revoke", mixinStandardHelpOptions = true,
        header = "Revoke codes (key id and serial) or whole keys; 'revoke publish' signs the next revocation list.",
        description = {"Records revocations in the trust authority's home ($" + AuthorityHome.ENVIRONMENT_VARIABLE
                + ", else ~/.greenlight/authority): revocations/ledger.jsonl, with the reason. Nothing reaches verifiers "
                + "until 'gl-issue revoke publish' signs a list with the root key and gl-verify loads it (--revocations).",
            "A code is named KID/SERIAL as gl-verify prints them (8 and 16 hex digits). A revocation already recorded is skipped."},
        subcommands = RevokePublishCommand.class,
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue revoke --serial 1f2e3d4c/0123456789abcdef --reason 'issued in error'",
            "  gl-issue revoke --serials serials.txt --reason 'colour changed'      # one KID/SERIAL a line; - for stdin",
            "  gl-issue revoke --key 1f2e3d4c --reason 'key compromised'",
            "  gl-issue revoke publish -o revocations-delta.jws"})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.IO_ERROR, ExitCode.INVALID_INPUT, ExitCode.NOT_CONFIGURED})
final class RevokeCommand extends CliCommand {

    @Mixin
    AuthorityOption authority;

    @Option(names = "--serial", paramLabel = "KID/SERIAL", description = "A code to revoke. Repeatable.")
    List<String> serials = new ArrayList<>();

    @Option(names = "--serials", paramLabel = "FILE", description = "A file of KID/SERIAL, one a line ('-': stdin); empty lines and # comments skipped.")
    Path serialsFile;

    @Option(names = "--key", paramLabel = "KID", description = "A key to revoke whole: every code it signed. Repeatable.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required): kept in the ledger, not in the list.")
    String reason;

    @Override
    protected ExitCode run() {
        AuthorityHome home = authority.open(env());
        RevocationLedger.Batch entries = new RevocationLedger.Batch();
        for (String serial : serials) {
            entries.add(parseSerial(serial, "--serial"));
        }
        if (serialsFile != null) {
            readSerials(entries);
        }
        for (String key : keys) {
            entries.add(new RevocationLedger.Entry(parseKey(key, "--key"), null));
        }
        if (entries.size() == 0) {
            throw new CliException(ExitCode.USAGE, "name what to revoke: --serial KID/SERIAL, --serials FILE or --key KID");
        }
        if (reason == null || reason.isBlank()) {
            throw new CliException(ExitCode.USAGE, "--reason must say why");
        }
        RevocationLedger ledger = RevocationLedger.open(home.revocations());
        long added = ledger.revoke(entries, reason, env().clock().instant(), entry -> out().println(entry));
        err().println("revoked: " + added + " new, " + (entries.size() - added) + " already revoked; "
                + ledger.unpublished() + " not yet published: run 'gl-issue revoke publish -o FILE'");
        return ExitCode.OK;
    }

    private void readSerials(RevocationLedger.Batch entries) {
        boolean stdin = AtomicOutput.isStandardStream(serialsFile);
        String name = stdin ? "stdin" : serialsFile.toString();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                stdin ? env().stdin() : Files.newInputStream(env().resolve(serialsFile)), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    entries.add(parseSerial(text, Terminal.safe(name) + " line " + number));
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read " + Terminal.safe(name) + ": " + Terminal.safe(String.valueOf(e.getMessage())), e);
        }
    }

    private static RevocationLedger.Entry parseSerial(String text, String where) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new CliException(ExitCode.INVALID_INPUT, where + ": '" + Terminal.safe(text) + "' is not KID/SERIAL (8 and 16 hex digits)");
        }
        KeyId key = parseKey(text.substring(0, slash), where);
        try {
            return new RevocationLedger.Entry(key, Serial.parse(text.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, where + ": " + Terminal.safe(e.getMessage()));
        }
    }

    private static KeyId parseKey(String text, String where) {
        try {
            return KeyId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, where + ": " + Terminal.safe(e.getMessage()));
        }
    }
}
