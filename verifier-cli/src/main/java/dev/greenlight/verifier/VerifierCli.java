package dev.greenlight.verifier;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Verifies codes offline. */
@Command(name = "gl-verify", mixinStandardHelpOptions = true,
        description = "Verify Greenlight health codes offline.")
public final class VerifierCli implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifierCli()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }
}
