package dev.greenlight.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the command line of a tool, so that both tools behave as one: a usage error is one line
 * and a hint, not the whole help; a {@link CliException} is its message and exit code; anything
 * else is {@link ExitCode#INTERNAL_ERROR} with the stack trace; each command's {@code --help} lists
 * its {@link ExitCodes}. {@code main} is {@code System.exit(Tools.commandLine(new Tool(), args).execute(args))}.
 */
public final class Tools {

    private static final String EXIT_CODES_HEADING = "%nExit codes:%n";

    private Tools() {
    }

    /**
     * The configured command line of a tool whose top-level command is {@code root}, with the model
     * of every subcommand: for help, completion scripts and man pages.
     */
    public static CommandLine commandLine(Object root) {
        return configure(new CommandLine(root));
    }

    /**
     * The command line for one run with {@code args}. When the first argument names a subcommand
     * of {@code root}'s {@code @Command}, only that subcommand's model is built, under a root that
     * is not inspected: building picocli's model of every subcommand (reflection over each option,
     * mixin and annotation) was the largest part of a one-shot run's start, most of it for
     * commands that do not run. Anything else (no argument, an option, {@code help}, an unknown or
     * misspelt name, which wants suggestions) gets the whole model, {@link #commandLine(Object)}.
     * The root must then take no options of its own besides help and version, nor pass any down.
     */
    public static CommandLine commandLine(Object root, String[] args) {
        Command tool = root.getClass().getAnnotation(Command.class);
        Class<?> invoked = tool == null || args.length == 0 ? null : subcommandNamed(tool, args[0]);
        if (invoked == null) {
            return commandLine(root);
        }
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
        spec.name(tool.name());
        CommandLine commandLine = new CommandLine(spec);
        commandLine.addSubcommand(invoked);
        return configure(commandLine);
    }

    /** The subcommand class declared with that name or alias, or null; never picocli's {@code help}, which needs them all. */
    private static Class<?> subcommandNamed(Command tool, String name) {
        for (Class<?> candidate : tool.subcommands()) {
            Command command = candidate.getAnnotation(Command.class);
            if (command == null || candidate == CommandLine.HelpCommand.class) {
                continue;
            }
            if (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name)) {
                return candidate;
            }
        }
        return null;
    }

    private static CommandLine configure(CommandLine commandLine) {
        // After the subcommands are added: these settings reach only the commands present when they are made.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Handlers.INSTANCE);
        commandLine.setExecutionExceptionHandler(Handlers.INSTANCE);
        listExitCodes(commandLine);
        return commandLine;
    }

    /**
     * Both handlers as one plain class rather than lambdas: a lambda's class is spun at run time
     * when the class-data archive lacks it, as it did for these, at every start.
     */
    private static final class Handlers implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        static final Handlers INSTANCE = new Handlers();

        @Override
        public int handleParseException(ParameterException error, String[] args) {
            return usageError(error, args);
        }

        @Override
        public int handleExecutionException(Exception failure, CommandLine failed, CommandLine.ParseResult parseResult) {
            return failed(failure, failed);
        }
    }

    /** One line saying what is wrong, and where to read more. */
    static int usageError(ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        // picocli quotes the offending argument: it is input, and may carry escape sequences.
        String message = error.getMessage() == null ? "invalid command line" : Terminal.safe(error.getMessage().strip());
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        if (error instanceof UnmatchedArgumentException unmatched && looksLikeASplitValue(unmatched, args)
                && !failed.getCommandSpec().positionalParameters().isEmpty()) {
            message += " (a value with spaces must be quoted: a code may contain spaces, e.g. 'GL1:AB CD')";
        }
        err.println(rootName(failed) + ": " + message + ". See '" + failed.getCommandSpec().qualifiedName() + " --help'.");
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("Did you mean: " + Terminal.safe(String.join(" or ", unmatched.getSuggestions())) + "?");
        }
        err.flush();
        return ExitCode.USAGE.code();
    }

    /**
     * Whether the unmatched words are most likely the rest of an unquoted value: an extra word, or
     * a word picocli took for an unknown option although it has no lower-case letter (Base45 has
     * none, and the part of a code after a space may start with '-') next to a word that starts
     * like a code.
     */
    private static boolean looksLikeASplitValue(UnmatchedArgumentException unmatched, String[] args) {
        if (!unmatched.isUnknownOption()) {
            return true;
        }
        boolean codeStart = Arrays.stream(args).anyMatch(arg -> CODE_START.matcher(arg).lookingAt());
        return codeStart && unmatched.getUnmatched().stream().noneMatch(word -> word.chars().anyMatch(Character::isLowerCase));
    }

    private static final Pattern CODE_START = Pattern.compile("GL[0-9]+:");

    private static int failed(Exception failure, CommandLine failed) {
        PrintWriter err = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        CliException known = failure instanceof CliException cli ? cli : null;
        if (known == null && failure instanceof RuntimeException runtime
                && failed.getCommandSpec().userObject() instanceof BaseCommand command) {
            known = command.translate(runtime);
        }
        if (known != null) {
            // A message may quote input (a file name, a header, a code): one line, no control characters.
            err.println(name + ": " + Terminal.safe(known.getMessage()));
            err.flush();
            return known.exitCode().code();
        }
        err.println(name + ": internal error: " + Terminal.safe(String.valueOf(failure)));
        failure.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }

    private static String rootName(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().name();
    }

    /** Each command's own codes; the top level lists every code of the tool. Returns the codes below {@code commandLine}. */
    private static Set<ExitCode> listExitCodes(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        Set<ExitCode> codes = EnumSet.noneOf(ExitCode.class);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            codes.addAll(listExitCodes(sub));
        }
        ExitCodes declared = spec.userObject() == null ? null : spec.userObject().getClass().getAnnotation(ExitCodes.class);
        if (declared == null && spec.parent() != null) {
            return codes;
        }
        if (declared != null) {
            codes.addAll(Set.of(declared.value()));
        }
        codes.add(ExitCode.USAGE);
        codes.add(ExitCode.INTERNAL_ERROR);
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode code : codes) {
            list.put(Integer.toString(code.code()), code.help());
        }
        spec.usageMessage().exitCodeListHeading(EXIT_CODES_HEADING).exitCodeList(list);
        return codes;
    }
}
