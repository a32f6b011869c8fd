/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PlanB's command line as an operator runs it: {@code java -jar planb.jar …} in a process of its own, with its own
 * class path, not the application's. The jar is the one the reactor built ({@code cli/target/planb.jar}, named by the
 * module's POM as {@code kit.planb-jar}); the kit's POM depends on {@code planb-cli} so that the CLI is packaged first.
 */
final class PlanBCommandLine {

    /** How a command ended: its exit code and everything it printed (stdout and stderr). */
    record Result(int exitCode, String output) {
    }

    private PlanBCommandLine() {
    }

    /** Runs {@code planb args…} with extra environment variables (where the secrets go) and waits for it. */
    static Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("kit.planb-jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("PlanB's command line is not at " + jar + " (kit.planb-jar): build it first"
                    + " with mvn package -pl cli -am, or run the kit through the reactor");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("planb " + String.join(" ", args) + " did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
