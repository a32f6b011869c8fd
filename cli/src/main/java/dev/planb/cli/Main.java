/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.util.Arrays;

/** Starts the {@code planb} command line. */
public final class Main {

    private Main() {
    }

    /**
     * Runs one {@code planb} command and exits the JVM with its status: 0 on success, otherwise the
     * exit code of the {@link dev.planb.ErrorCode} that stopped it (1 for an unexpected error). An
     * error is one line on standard error; {@code --verbose} adds the debug log and the stack trace.
     *
     * @param args the command and its options, as typed after {@code planb}, e.g.
     *     {@code backup --plan orders}
     */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose"), args.length > 0 && args[0].equals("run"));
        NativeLibraries.useFixedLocation();
        int status;
        try {
            status = PlanBCommand.commandLine(args).execute(args);
        } catch (Throwable e) { // an Error escaped a command: still one line, and a non-zero status
            System.err.println("planb: unexpected error: " + e + " (run again with --verbose for details)");
            status = 1;
        }
        System.exit(status);
    }

    /**
     * Logs go to standard error: errors only (and the gzip fallback's warning), or PlanB's debug output with {@code --verbose}; a service
     * ({@code planb run}) logs one line per event, with the time.
     */
    static void configureLogging(boolean verbose, boolean service) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        // the one warning every command must show: backups fall back to gzip where zstd cannot load
        System.setProperty("org.slf4j.simpleLogger.log.dev.planb.Compression", "warn");
        if (service) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.planb", "info");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ssXXX");
        }
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.planb", "debug");
        }
    }
}
