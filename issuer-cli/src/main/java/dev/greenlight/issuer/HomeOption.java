package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --home}: which issuer home a command works on. */
final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR",
            description = "The issuer home (default: ~/.greenlight/issuer, or $" + IssuerHome.ENVIRONMENT_VARIABLE + ").")
    Path home;

    Path locate(Environment environment) {
        return IssuerHome.locate(AtomicOutput.requireDirectoryName(home, "--home"), environment);
    }
}
