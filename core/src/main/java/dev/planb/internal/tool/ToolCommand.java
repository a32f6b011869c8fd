/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import java.util.List;
import java.util.Map;

/**
 * A database tool to run as a child process: its arguments and the few environment variables it
 * needs. Neither may hold a secret: a password goes into a private file (see {@link PrivateFolder})
 * whose path the tool is given.
 *
 * @param name the tool's name for messages, e.g. {@code pg_dump}
 * @param arguments the program and its arguments
 * @param environment variables added to the child's minimal environment
 */
public record ToolCommand(String name, List<String> arguments, Map<String, String> environment) {

    /** Copies the lists. */
    public ToolCommand {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /** A command with no extra environment. */
    public ToolCommand(String name, List<String> arguments) {
        this(name, arguments, Map.of());
    }
}
