package dev.planb.cli;

import java.util.Arrays;

/** Starts the {@code planb} command line. */
public final class Main {

    private Main() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose"));
        NativeLibraries.useFixedLocation();
        int status;
        try {
            status = PlanBCommand.commandLine().execute(args);
        } catch (Throwable e) { // an Error escaped a command: still one line, and a non-zero status
            System.err.println("planb: unexpected error: " + e + " (run again with --verbose for details)");
            status = 1;
        }
        System.exit(status);
    }

    /** Logs go to standard error: errors only, or PlanB's debug output with {@code --verbose}. */
    static void configureLogging(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.planb", "debug");
        }
    }
}
