package dev.greenlight.verifier;

import dev.greenlight.cli.BaseCommand;

/** A command of gl-verify: the shared {@link BaseCommand} and the process context of the tool. */
abstract class VerifierCommand extends BaseCommand {

    protected CliContext context() {
        return root(VerifierCli.class).context();
    }
}
