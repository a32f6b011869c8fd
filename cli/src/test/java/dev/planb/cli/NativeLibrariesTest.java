/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/** The command line finds SQLite's library without starting a process that would inherit its environment. */
class NativeLibrariesTest {

    @TempDir
    Path dir;

    @Test
    void theFolderIsTheDriversOwn() {
        assertThat(NativeLibraries.sqliteFolder()).isEqualTo(OSInfo.getNativeLibFolderPathForCurrentOS());
    }

    @Test
    void startingTheCommandLineRunsNoChildProcessThatSeesItsEnvironment() throws Exception {
        // sqlite-jdbc's platform check runs "uname -o" through the PATH; a uname of our own records every call
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("uname-calls");
        Path uname = bin.resolve("uname");
        Files.writeString(uname, "#!/bin/sh\necho \"$@\" >> " + calls + "\nexec /bin/uname \"$@\"\n");
        Files.setPosixFilePermissions(uname, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));

        Cli.Result version = PlanBProcess.run(dir, List.of(), Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "XDG_CACHE_HOME", home.toString(), "APP_DB_PASSWORD", "s3cret-in-the-environment"), "--version");

        assertThat(version.exitCode()).as(version.out()).isZero();
        assertThat(calls).as("uname was started, with planb's environment").doesNotExist();
    }
}
