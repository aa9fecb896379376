package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --authority}: which trust authority home a command works on. */
final class AuthorityOption {

    @Option(names = "--authority", paramLabel = "DIR",
            description = "The trust authority home (default: $" + AuthorityHome.ENVIRONMENT_VARIABLE + ", else ~/.greenlight/authority). A directory: - is refused.")
    Path authority;

    /** Where the home is, existing or not: {@code trust init} creates it there. */
    Path locate(Environment environment) {
        // Refused, not taken as a name: '-' means stdin or stdout for a file, and no directory can be that.
        return AuthorityHome.locate(AtomicOutput.requireDirectoryName(authority, "--authority"), environment);
    }

    AuthorityHome open(Environment environment) {
        return AuthorityHome.open(locate(environment));
    }
}
