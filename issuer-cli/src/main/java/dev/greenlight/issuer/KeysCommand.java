package dev.greenlight.issuer;

import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyId;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keys", mixinStandardHelpOptions = true,
        header = "List the keys of the issuer home, or print them as a JWK Set.",
        description = {"List the keys of the issuer home, one per line on stdout: key id, 'active' or '-', "
                + "'encrypted' or 'plain', and the public key file.",
            "With --jwks, print the public keys as a JWK Set instead: what verifiers need to trust this issuer."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue keys", "  gl-issue keys --jwks > issuer-keys.jwks.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.NO_HOME_HELP, ExitCodes.KEY_ERROR_HELP,
            ExitCodes.IO_ERROR_HELP, ExitCodes.SOFTWARE_HELP})
final class KeysCommand extends CliCommand {

    @Mixin
    HomeOption home;

    @Option(names = "--jwks", description = "Print the public keys as a JWK Set (JSON) instead of the list.")
    boolean jwks;

    @Override
    protected int run() {
        IssuerHome issuerHome = IssuerHome.open(home.locate(env()));
        List<IssuerHome.StoredKey> keys = issuerHome.keys();
        if (jwks) {
            List<ECPublicKey> publicKeys = keys.stream().map(IssuerHome.StoredKey::publicKey).toList();
            out().println(JwkKeys.publicKeysToJwks(publicKeys));
            return ExitCodes.OK;
        }
        KeyId active = issuerHome.activeKeyId();
        for (IssuerHome.StoredKey key : keys) {
            out().println(key.keyId() + "\t" + (key.keyId().equals(active) ? "active" : "-") + "\t"
                    + (!key.hasPrivateKey() ? "public-only" : key.encrypted() ? "encrypted" : "plain") + "\t"
                    + issuerHome.publicKeyFile(key.keyId()));
        }
        err().println(keys.size() + (keys.size() == 1 ? " key" : " keys") + " in " + issuerHome.keysDirectory());
        return ExitCodes.OK;
    }
}
