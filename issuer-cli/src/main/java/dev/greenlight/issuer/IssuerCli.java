package dev.greenlight.issuer;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator's tool for issuing codes. */
@Command(name = "gl-issue", mixinStandardHelpOptions = true,
        description = "Issue Greenlight health codes.")
public final class IssuerCli implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new IssuerCli()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }
}
