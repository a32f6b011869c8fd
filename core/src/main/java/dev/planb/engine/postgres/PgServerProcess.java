/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a PostgreSQL server on a data directory PlanB made, with {@code pg_ctl}. PostgreSQL refuses to
 * run as root: when PlanB runs as root, the folders are given to the {@code postgres} system user and
 * the server runs as that user.
 */
final class PgServerProcess {

    private static final String SERVER_USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private PgServerProcess() {
    }

    /**
     * Starts the server and waits until it accepts connections (after recovery, when recovering
     * without hot standby).
     *
     * @param serverOptions {@code -c name=value} settings for the server
     */
    static void start(PgTools.Tool pgCtl, Path directory, Path log, List<String> serverOptions) throws IOException {
        ToolRunner.run(asServerUser("pg_ctl", List.of(pgCtl.path().toString(), "start", "-D", directory.toString(),
                "-l", log.toString(), "-w", "-t", "86400", "-o", String.join(" ", serverOptions))), null, null);
    }

    /** Stops the server: {@code fast} lets it write a checkpoint, {@code immediate} does not. */
    static void stop(PgTools.Tool pgCtl, Path directory, String mode) throws IOException {
        ToolRunner.run(asServerUser("pg_ctl", List.of(pgCtl.path().toString(), "stop", "-D", directory.toString(),
                "-m", mode, "-w", "-t", "600")), null, null);
    }

    /** As root, gives every file below {@code roots} to the {@code postgres} user. */
    static void giveToServerUser(Path... roots) throws IOException {
        if (!ROOT) {
            return;
        }
        UserPrincipal user;
        try {
            user = roots[0].getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
        } catch (UserPrincipalNotFoundException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "PostgreSQL refuses to run as root and there is no '"
                    + SERVER_USER + "' system user: run the restore as the user that runs PostgreSQL", e);
        }
        for (Path root : roots) {
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path path : tree.toList()) {
                    Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(user);
                }
            }
        }
    }

    private static ToolCommand asServerUser(String name, List<String> command) {
        if (!ROOT) {
            return new ToolCommand(name, command);
        }
        List<String> arguments = new ArrayList<>(List.of("runuser", "-u", SERVER_USER, "--"));
        arguments.addAll(command);
        return new ToolCommand(name, arguments);
    }
}
