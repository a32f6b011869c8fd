/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolFailedException;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.RecoveryChain;
import dev.planb.spi.RecoveryDestination;
import dev.planb.spi.RecoveryTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores a MariaDB/MySQL chain to a point: the chain's dump into the target database, then its binlog
 * from the dump's coordinates up to the target time, turned into SQL by {@code mariadb-binlog} (only the
 * source database's events, renamed to the target's) and run with the {@code mariadb} client. Binlog
 * events carry whole seconds: a target is rounded down to its second.
 */
final class BinlogRecovery {

    /** An event header of {@code mariadb-binlog}'s output for a commit or a statement, in UTC. */
    private static final Pattern COMMIT = Pattern.compile(
            "^#(\\d{6})\\s+(\\d{1,2}:\\d{2}:\\d{2}) server id \\d+\\s+end_log_pos \\d+.*\\t(?:Xid = |Query\\t)");
    private static final DateTimeFormatter HEADER_TIME = DateTimeFormatter.ofPattern("yyMMdd H:mm:ss");
    private static final DateTimeFormatter STOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MariaDbEngine engine;
    private final MariaDbOptions options;

    BinlogRecovery(MariaDbEngine engine, MariaDbOptions options) {
        this.engine = engine;
        this.options = options;
    }

    RecoveredPoint recover(RecoveryChain chain, RecoveryTarget target, RecoveryDestination where) throws IOException {
        DatabaseSource database = where.target().orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING,
                "MariaDB/MySQL point-in-time restore goes into a database: give --to-db JDBC_URL, not --to-data-dir"));
        if (target.lsn().isPresent()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "A WAL location (lsn:) is a PostgreSQL target: give"
                    + " MariaDB/MySQL a time (--at '2026-12-05 07:12:00' or '5m ago')");
        }
        engine.checkRestoreTarget(database, where.force());
        try (InputStream dump = chain.openBase()) {
            engine.restore(dump, database);
        }
        if (chain.logs().isEmpty()) {
            return new RecoveredPoint(Optional.empty(), "no binlog was shipped after the dump: the database is as the"
                    + " dump left it");
        }
        try (PrivateFolder folder = PrivateFolder.create()) {
            List<Path> files = chain.fetchLogs(folder.path());
            Path replay = folder.path().resolve("replay.sql");
            String from = MariaDbConnection.of(DatabaseSource.of(chain.base().database())).database();
            MariaDbConnection to = MariaDbConnection.of(database);
            MariaDbTools.Tool binlog = MariaDbTools.binlog(options.tools());
            List<String> arguments = new ArrayList<>(List.of(binlog.path().toString(),
                    "--start-position=" + chain.base().log().position(), "--database=" + from));
            if (!from.equals(to.database())) {
                arguments.add("--rewrite-db=" + from + "->" + to.database());
            }
            target.time().ifPresent(time -> arguments.add("--stop-datetime="
                    + STOP_TIME.format(LocalDateTime.ofInstant(time.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC))));
            files.forEach(file -> arguments.add(file.toString()));
            try (OutputStream out = Files.newOutputStream(replay)) {
                ToolRunner.run(new ToolCommand(binlog.name(), arguments, Map.of("TZ", "UTC")), null, out);
            }
            Optional<Instant> reached = lastCommit(replay);
            replayInto(replay, to, folder);
            return new RecoveredPoint(reached, "replayed " + files.size() + " binlog file(s) from "
                    + chain.base().log().file() + ":" + chain.base().log().position()
                    + target.time().map(time -> " up to " + time.truncatedTo(ChronoUnit.SECONDS) + " (binlog times are"
                            + " whole seconds)").orElse(" to their end")
                    + reached.map(time -> "; last transaction replayed at " + time).orElse("; no transaction replayed"));
        }
    }

    private void replayInto(Path replay, MariaDbConnection to, PrivateFolder folder) throws IOException {
        MariaDbTools.Tool client = MariaDbTools.client(options.tools());
        try (InputStream in = Files.newInputStream(replay)) {
            ToolRunner.run(new ToolCommand(client.name(), List.of(client.path().toString(), "--defaults-file="
                    + to.optionFile(folder), "--batch", "--", to.database())), in, null);
        } catch (ToolFailedException e) {
            throw e.getMessage().contains("BINLOG REPLAY")
                    ? new IOException(e.getMessage() + " (the restoring user replays binlog events: GRANT BINLOG REPLAY"
                            + " ON *.* TO it, or restore as a user with SUPER)", e) : e;
        }
    }

    /** The time of the last commit or statement in the replayed SQL, from the event headers. */
    private static Optional<Instant> lastCommit(Path replay) throws IOException {
        Optional<Instant> last = Optional.empty();
        try (BufferedReader reader = Files.newBufferedReader(replay, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    Matcher matcher = COMMIT.matcher(line);
                    if (matcher.find()) {
                        last = Optional.of(LocalDateTime.parse(matcher.group(1) + " " + matcher.group(2), HEADER_TIME)
                                .toInstant(ZoneOffset.UTC));
                    }
                }
            }
        }
        return last;
    }
}
