/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.config.DurationText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** The root {@code planb} command; its help and version options are inherited by every subcommand. */
@Command(name = "planb", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = PlanBCommand.VersionProvider.class,
        description = "Database backups that you control, and proof that they restore.",
        usageHelpAutoWidth = true)
public final class PlanBCommand implements Runnable {

    /** Every subcommand, in the order {@code planb --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, BackupCommand.class,
            ListCommand.class, RestoreCommand.class, VerifyCommand.class, KeygenCommand.class, PruneCommand.class,
            StatusCommand.class, PullCommand.class, CheckCommand.class, StreamCommand.class, DoctorCommand.class,
            RunCommand.class, ConfigCommand.class, CleanupCommand.class, HoldCommand.class, RunbookCommand.class);

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show PlanB's debug log and the stack trace of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandSpec spec;

    /** Only {@link #commandLine(String...)} makes the root command. */
    PlanBCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Makes the {@code planb} command line with every subcommand, PlanB's duration syntax and its
     * error handling: an unknown option or bad value prints one line and {@code --help}'s hint, a
     * failed command prints its {@link PlanBException}'s message.
     *
     * @return a command line whose {@code execute(args)} runs one command and returns its exit status
     *     (0, or the failure's {@link ErrorCode#exitCode()}) instead of exiting the JVM
     */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * Makes the command line to run {@code args}: with only the subcommand they name when they name
     * one, none for {@code --version}, otherwise (no subcommand, {@code --help}, a misspelt name) with
     * every subcommand, as {@link #commandLine()}. picocli reads each subcommand's options, mixins and
     * argument groups by reflection when it is added, about a quarter of the start-up of a short
     * command; a command runs the same either way.
     *
     * @param args the command and its options, as typed after {@code planb}
     * @return a command line to {@code execute(args)} with these same arguments
     */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new PlanBCommand());
        subcommandsFor(commandLine.getCommandSpec(), args).forEach(commandLine::addSubcommand);
        // an unknown option is an error, never the value of the option before it (`--to DIR --bogus`)
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        commandLine.setUnmatchedArgumentsAllowed(false);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.registerConverter(Duration.class, PlanBCommand::duration);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("planb: " + firstProblem(e));
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ErrorCode.INVALID_SETTING.exitCode();
        });
        return commandLine;
    }

    /**
     * What {@code args} need: the subcommand named by the first argument that is not one of the root's own
     * options, none for a last {@code --version}, every one otherwise (for {@code --help}, or to name the one meant).
     */
    private static List<Class<?>> subcommandsFor(CommandSpec root, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            OptionSpec option = arg.startsWith("-") ? root.findOption(arg) : null;
            if (option == null || option.usageHelp()) {
                return SUBCOMMANDS.stream().filter(type -> type.getAnnotation(Command.class).name().equals(arg))
                        .findFirst().<List<Class<?>>>map(List::of).orElse(SUBCOMMANDS);
            }
            if (option.versionHelp() && i == args.length - 1) {
                return List.of();
            }
        }
        return SUBCOMMANDS;
    }

    /**
     * An unknown option is named even when picocli found a missing required option first; a misspelt
     * subcommand or option comes with the names picocli finds close to it.
     */
    private static String firstProblem(ParameterException e) {
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        if (e instanceof UnmatchedArgumentException unknown) {
            List<String> suggestions = unknown.getSuggestions();
            return e.getMessage() + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)");
        }
        return unmatched.isEmpty() ? e.getMessage() : new UnmatchedArgumentException(e.getCommandLine(), unmatched).getMessage();
    }

    /** Every duration option reads PlanB's one duration grammar: {@code 7d}, {@code 36h}, {@code 2w}, {@code 1d12h}, {@code P7D}. */
    private static Duration duration(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** One clear line on standard error, the stack trace only with --verbose. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            boolean verbose = parseResult.matchedOption("--verbose") != null
                    || parseResult.subcommand() != null && parseResult.subcommand().matchedOption("--verbose") != null;
            if (e instanceof PlanBException planb) {
                err.println("planb: " + planb.getMessage());
                if (verbose) {
                    e.printStackTrace(err);
                }
                err.flush();
                return planb.code().exitCode();
            }
            err.println("planb: unexpected error: " + e + (verbose ? "" : " (run again with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ErrorCode.INTERNAL.exitCode();
        }
    }

    /** Reports the library's version and the commit it was built from. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"planb " + PlanB.version() + " (commit " + commit() + ")"};
        }

        /** The commit the build filtered into {@code build.properties}; "unknown" for a build outside git. */
        static String commit() throws IOException {
            Properties build = new Properties();
            try (InputStream in = VersionProvider.class.getResourceAsStream("build.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            String commit = build.getProperty("commit", "");
            return commit.matches("[0-9a-f]{7,64}") ? commit : "unknown";
        }
    }
}
