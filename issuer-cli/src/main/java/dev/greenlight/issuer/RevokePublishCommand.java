package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.Terminal;
import dev.greenlight.codec.revocation.RevocationList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "publish", mixinStandardHelpOptions = true,
        header = "Sign the next revocation list with the root key: a delta of what was revoked since the last list, or a base.",
        description = {"Writes the next revocation list (specification section 16): the first one is a base list of every "
                + "revocation; after it, a delta of the revocations since the last list published, on the last base, unless "
                + "--base asks for a new base (do so from time to time: a new scanner then needs one file instead of many).",
            "Verifiers load a base and its deltas in order: gl-verify --root root.pub.pem --revocations BASE --revocations DELTA ..."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue revoke publish -o revocations-0001.jws",
            "  gl-issue revoke publish --base -o base.jws --passphrase-file /run/secrets/root"})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.IO_ERROR, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR, ExitCode.NOT_CONFIGURED})
final class RevokePublishCommand extends CliCommand {

    @Mixin
    AuthorityOption authority;

    @ParentCommand
    RevokeCommand parent;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Where to write the list ('-': stdout).")
    Path output;

    @Option(names = "--base", description = "Write a base list of every revocation, even if a delta would do.")
    boolean base;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    protected ExitCode run() {
        // picocli runs only the last command: what to revoke, given before 'publish', would be
        // silently dropped from a list the operator believes holds it.
        if (!parent.serials.isEmpty() || parent.serialsFile != null || !parent.keys.isEmpty() || parent.reason != null) {
            throw new CliException(ExitCode.USAGE, "'revoke publish' publishes what was revoked before; run 'gl-issue revoke --serial|--serials|--key "
                    + "... --reason ...' first, then 'gl-issue revoke publish'");
        }
        // --authority before 'publish' belongs to 'revoke': honour it there too.
        AuthorityHome home = authority.authority == null ? parent.authority.open(env()) : authority.open(env());
        RevocationLedger ledger = RevocationLedger.open(home.revocations());
        RevocationLedger.Published last = ledger.last();
        boolean delta = !base && ledger.lastBase() != null;
        long sequence = last == null ? 1 : last.sequence() + 1;
        Instant now = env().clock().instant().truncatedTo(ChronoUnit.SECONDS);
        RevocationList.Builder builder = delta
                ? RevocationList.delta(sequence, ledger.lastBase().sequence(), last.sequence(), now)
                : RevocationList.base(sequence, now);
        long count = ledger.addTo(builder, delta);
        ECPrivateKey rootKey = home.rootPrivateKey(passphrase.source(env()));
        String jws = builder.sign(rootKey, null, home.rootKeyId().toString());
        byte[] bytes = (jws + "\n").getBytes(StandardCharsets.US_ASCII);
        if (AtomicOutput.isStandardStream(output)) {
            try {
                env().stdout().write(bytes);
                env().stdout().flush();
            } catch (IOException e) {
                throw new CliException(ExitCode.IO_ERROR, "cannot write to stdout: " + e.getMessage(), e);
            }
        } else {
            Path target = env().resolve(output);
            try {
                AtomicOutput.write(target, stream -> stream.write(bytes), force, false);
            } catch (FileAlreadyExistsException e) {
                throw new CliException(ExitCode.ALREADY_EXISTS, Terminal.safe(target.toString()) + " exists; --force overwrites it", e);
            } catch (IOException e) {
                throw new CliException(ExitCode.IO_ERROR, "cannot write " + Terminal.safe(target.toString()) + ": " + Terminal.safe(String.valueOf(e.getMessage())), e);
            }
        }
        ledger.published(sequence, delta, delta ? ledger.lastBase().sequence() : sequence, sha256(jws), now);
        err().println("published " + (delta ? "delta " + sequence + " on base " + ledger.lastBase().sequence() : "base list " + sequence)
                + ": " + count + " revocations, " + bytes.length + " bytes"
                + (AtomicOutput.isStandardStream(output) ? "" : " in " + Terminal.safe(env().resolve(output).toString())));
        return ExitCode.OK;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
