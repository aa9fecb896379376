package dev.greenlight.issuer;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --authority}: which trust authority home a command works on. */
final class AuthorityOption {

    @Option(names = "--authority", paramLabel = "DIR",
            description = "The trust authority home (default: $" + AuthorityHome.ENVIRONMENT_VARIABLE + ", else ~/.greenlight/authority).")
    Path authority;

    AuthorityHome open(Environment environment) {
        return AuthorityHome.open(AuthorityHome.locate(authority, environment));
    }
}
