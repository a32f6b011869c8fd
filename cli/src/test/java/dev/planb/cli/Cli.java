/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM and captures what it prints. */
final class Cli {

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PlanBCommand.commandLine(args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
    }
}
