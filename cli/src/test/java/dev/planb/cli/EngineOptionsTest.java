/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.engine.mariadb.MariaDbOptions;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.spi.DatabaseEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EngineOptionsTest {

    @TempDir
    Path dir;

    @Test
    void postgresOptionsBecomeAConfiguredEngine() {
        DumpOptions options = parse("--schema", "sales", "--exclude-table", "public.sessions", "--format", "directory",
                "--jobs", "4", "--tools", "/opt/pg/bin");

        DatabaseEngine engine = options.engine("jdbc:postgresql://db/app");

        assertThat(engine).isInstanceOfSatisfying(PostgresEngine.class, postgres -> {
            PostgresOptions chosen = postgres.options();
            assertThat(chosen.schemas()).containsExactly("sales");
            assertThat(chosen.excludedTables()).containsExactly("public.sessions");
            assertThat(chosen.format()).isEqualTo(PostgresOptions.Format.DIRECTORY);
            assertThat(chosen.jobs()).isEqualTo(4);
            assertThat(chosen.toolDirectory()).isEqualTo(Path.of("/opt/pg/bin"));
        });
        assertThat(parse("--tools", "/opt/maria").engine("jdbc:mysql://db/app")).isInstanceOf(MariaDbEngine.class);
        assertThat(parse().engine("jdbc:sqlite:app.db")).isNull();
    }

    @Test
    void postgresOnlyOptionsAreRefusedForOtherDatabasesInOneLine() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);

        Cli.Result result = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", dir.resolve("b").toString(),
                "--jobs", "2", "--schema", "x");

        assertThat(result.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(result.err().strip()).isEqualTo("planb: --schema, --jobs apply to PostgreSQL only (--tools to"
                + " PostgreSQL and MariaDB): leave them out for this database");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void tableFiltersAreRefusedForMariaDbAndDefinersForOtherDatabases() {
        assertThatThrownBy(() -> parse("--table", "orders").engine("jdbc:mariadb://db/app"))
                .hasMessage("--table applies to PostgreSQL only: leave it out for this database");

        LoadOptions load = new LoadOptions();
        new CommandLine(load).parseArgs("--definers", "current-user");
        assertThat(load.engine("jdbc:mariadb://db/app")).isInstanceOfSatisfying(MariaDbEngine.class, mariaDb ->
                assertThat(mariaDb.options().definers()).isEqualTo(MariaDbOptions.Definers.CURRENT_USER));
        assertThatThrownBy(() -> load.engine("jdbc:postgresql://db/app")).hasMessageStartingWith(
                "--definers applies to MariaDB and MySQL only: leave it out for this database (PostgreSQL: --no-owner");
        assertThatThrownBy(() -> load.engine("jdbc:sqlite:app.db")).hasMessageStartingWith("--definers applies to MariaDB");
        LoadOptions wrong = new LoadOptions();
        new CommandLine(wrong).parseArgs("--definers", "nobody");
        assertThatThrownBy(() -> wrong.engine("jdbc:mariadb://db/app"))
                .hasMessage("--definers nobody is not a choice: use keep or current-user");
    }

    @Test
    void anUnknownFormatIsRefused() {
        Cli.Result result = Cli.run("backup", "--db", "jdbc:postgresql://127.0.0.1:1/app", "--to",
                dir.resolve("b").toString(), "--format", "tar");

        assertThat(result.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(result.err().strip()).isEqualTo("planb: --format tar is not a PostgreSQL dump format: use custom or directory");
    }

    private static DumpOptions parse(String... args) {
        DumpOptions options = new DumpOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
