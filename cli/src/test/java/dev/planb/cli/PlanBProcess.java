/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the command line in its own JVM, for what needs a real process: kill -9, a small heap. */
final class PlanBProcess {

    /**
     * What the {@code planb.jar} manifest grants ({@code Enable-Native-Access}), given on the command line for a JVM
     * started from the class path: JDK 24+ otherwise warns when zstd and SQLite load their libraries.
     */
    static final String ENABLE_NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private PlanBProcess() {
    }

    static Process start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
        return start(workDir, List.of(), jvmOptions, Map.of(), args);
    }

    /** Starts the command line with extra environment variables, e.g. the one holding a passphrase. */
    static Process start(Path workDir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException {
        return start(workDir, List.of(), jvmOptions, environment, args);
    }

    /**
     * Starts the command line behind {@code launcher}, a command that runs the rest of the line
     * (e.g. {@code unshare --user}), with extra environment variables.
     */
    static Process start(Path workDir, List<String> launcher, List<String> jvmOptions, Map<String, String> environment,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(ENABLE_NATIVE_ACCESS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs to the end and returns the exit code and output. */
    static Cli.Result run(Path workDir, List<String> jvmOptions, String... args) throws Exception {
        return run(workDir, List.of(), jvmOptions, Map.of(), args);
    }

    /** Runs to the end with extra environment variables and returns the exit code and output. */
    static Cli.Result run(Path workDir, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws Exception {
        return run(start(workDir, jvmOptions, environment, args), args);
    }

    /** Runs to the end behind {@code launcher} (e.g. {@code unshare --user}) and returns the exit code and output. */
    static Cli.Result run(Path workDir, List<String> launcher, List<String> jvmOptions, Map<String, String> environment,
            String... args) throws Exception {
        return run(start(workDir, launcher, jvmOptions, environment, args), args);
    }

    /** Waits for a started command line and returns the exit code and output. */
    static Cli.Result run(Process process, String... args) throws Exception {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("planb " + String.join(" ", args) + " did not finish: " + output);
        }
        return new Cli.Result(process.exitValue(), output, output);
    }
}
