/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneCommandTest {

    @TempDir
    Path dir;
    Path backups;
    List<String> ids = new ArrayList<>();

    @BeforeEach
    void fourBackups() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        backups = dir.resolve("backups");
        for (int i = 0; i < 4; i++) {
            Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString());
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            ids.add(0, backup.out().strip());
        }
    }

    @Test
    void aDryRunPrintsTheDecisionsAndDeletesNothing() {
        Cli.Result dryRun = Cli.run("prune", "--from", backups.toString(), "--keep-last", "2", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        List<String> lines = dryRun.out().lines().toList();
        assertThat(lines.get(0)).startsWith("BACKUP ID").contains("DECISION", "REASONS");
        assertThat(lines.get(1)).startsWith(ids.get(0)).contains("keep", "newest, last #1");
        assertThat(lines.get(2)).startsWith(ids.get(1)).contains("keep", "last #2");
        assertThat(lines.get(3)).startsWith(ids.get(2)).contains("would delete");
        assertThat(lines.get(4)).startsWith(ids.get(3)).contains("would delete");
        assertThat(dryRun.err()).contains("2 kept, 2 to delete (dry run: nothing deleted)");
        assertThat(Cli.run("list", "--from", backups.toString()).out()).contains(ids.get(2), ids.get(3));
    }

    @Test
    void keepWithinReadsTheOneDurationGrammar() {
        for (String within : List.of("2w", "1d12h", "P7D")) {
            Cli.Result dryRun = Cli.run("prune", "--from", backups.toString(), "--keep-within", within, "--dry-run");
            assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
            assertThat(dryRun.err()).as(within).contains("4 kept, 0 to delete");
        }
    }

    @Test
    void withoutDryRunItDeletesWhatThePolicyForgets() {
        Cli.Result prune = Cli.run("prune", "--from", backups.toString(), "--plan", "app", "--keep-last", "1",
                "--keep-within", "1h");

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("within 1h of newest");
        Cli.Result onlyNewest = Cli.run("prune", "--from", backups.toString(), "--keep-daily", "1");
        assertThat(onlyNewest.exitCode()).as(onlyNewest.err()).isZero();
        assertThat(onlyNewest.out()).contains("newest, daily #1").contains("deleted");
        assertThat(onlyNewest.err()).contains("1 kept, 3 deleted");
        String list = Cli.run("list", "--from", backups.toString()).out();
        assertThat(list).contains(ids.get(0)).doesNotContain(ids.get(1), ids.get(2), ids.get(3));
    }

    @Test
    void badInputNamesTheOptionAndDeletesNothing() {
        Cli.Result noRule = Cli.run("prune", "--from", backups.toString());
        assertThat(noRule.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(noRule.err().strip()).startsWith("planb: planb prune needs at least one --keep-… option").doesNotContain("\n");

        Cli.Result badDuration = Cli.run("prune", "--from", backups.toString(), "--keep-within", "7x");
        assertThat(badDuration.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(badDuration.err()).contains("'7x' is not a duration: use e.g. 7d, 36h");

        Cli.Result zero = Cli.run("prune", "--from", backups.toString(), "--keep-daily", "0");
        assertThat(zero.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(zero.err()).contains("keepDaily is 0");

        Cli.Result missing = Cli.run("prune", "--from", dir.resolve("nowhere").toString(), "--keep-last", "1");
        assertThat(missing.exitCode()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND.exitCode());

        assertThat(Cli.run("list", "--from", backups.toString()).out()).contains(ids.get(0), ids.get(3));
    }
}
