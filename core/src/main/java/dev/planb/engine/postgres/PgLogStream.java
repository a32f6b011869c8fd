/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.BackgroundTool;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.DumpResult;
import dev.planb.spi.LogStream;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.jdbc.Jdbc;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL streaming session: {@code pg_receivewal} on a replication slot named after the plan
 * receives the WAL into the session's folder, and {@code pg_basebackup} writes the chain's base
 * backup as one tar stream, taken only once the receiver runs, so the WAL the base needs is
 * received. The slot keeps the server from recycling WAL the receiver has not got (across a
 * restart of the receiver), and is dropped when the session closes cleanly.
 */
final class PgLogStream implements LogStream {

    private static final Logger LOG = LoggerFactory.getLogger(PgLogStream.class);
    private static final long RECEIVER_START_TIMEOUT_MS = 30_000;
    /** A WAL segment's file name: timeline and segment number, 24 hex digits. */
    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private final DatabaseSource source;
    private final PostgresOptions options;
    private final Path folder;
    private final String slot;
    private final PrivateFolder secrets;
    private final PgConnection connection;
    private final Map<String, String> environment;
    private PgTools.Tool receivewal;
    private BackgroundTool receiver;
    private boolean closed;

    PgLogStream(DatabaseSource source, PostgresOptions options, String plan, Path folder) throws IOException {
        this.source = source;
        this.options = options;
        this.folder = Files.createDirectories(folder.resolve("wal"));
        this.slot = slotName(plan);
        this.secrets = PrivateFolder.create();
        this.connection = PgConnection.of(source);
        this.environment = connection.environment(secrets);
    }

    /** The replication slot of a plan: {@code planb_} and the plan's name, as a slot name allows. */
    static String slotName(String plan) {
        String name = "planb_" + plan.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    @Override
    public String baseFileName() {
        return "base.tar";
    }

    @Override
    public String baseKind() {
        return Manifest.KIND_BASE;
    }

    @Override
    public ChainStart begin(OutputStream out) throws IOException {
        String serverVersion;
        String startFile;
        long segmentSize;
        PgTools.Tool basebackup;
        try (Connection jdbc = PostgresEngine.openConnection(source)) {
            serverVersion = Jdbc.queryString(jdbc, "SHOW server_version");
            int major = Integer.parseInt(Jdbc.queryString(jdbc, "SHOW server_version_num")) / 10_000;
            receivewal = PgTools.find("pg_receivewal", options.tools(), major);
            basebackup = PgTools.find("pg_basebackup", options.tools(), major);
            segmentSize = Long.parseLong(Jdbc.queryString(jdbc,
                    "SELECT setting FROM pg_settings WHERE name = 'wal_segment_size'"));
            ToolRunner.run(command("pg_receivewal", List.of("--create-slot", "--if-not-exists", "--slot=" + slot)),
                    null, null);
            startReceiver();
            awaitReceiver(jdbc);
            // The base backup's checkpoint comes after this point: its redo starts in this file or a later one.
            startFile = walFileOf(jdbc, segmentSize);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DUMP_FAILED, "Base backup of PostgreSQL " + source.redactedUrl()
                    + " failed: " + e.getMessage(), e);
        }
        List<String> arguments = new ArrayList<>(List.of(basebackup.path().toString(), "--pgdata=-", "--format=tar",
                "--wal-method=fetch", "--checkpoint=fast", "--no-manifest", "--label=planb"));
        arguments.addAll(connection.arguments());
        ToolRunner.run(new ToolCommand("pg_basebackup", arguments, environment), null, out);
        LOG.debug("Base backup of {} written; WAL from {}", source.redactedUrl(), startFile);
        return new ChainStart(new DumpResult(serverVersion, "pg_basebackup", basebackup.version(), List.of()),
                new LogInfo("wal", startFile, 0, false, segmentSize));
    }

    /**
     * The WAL file holding the current insert position. Not {@code pg_walfile_name()}, which names the
     * file before when the position is exactly at a file's start (right after a WAL switch), a file the
     * receiver never gets.
     */
    private static String walFileOf(Connection jdbc, long segmentSize) throws SQLException {
        String timeline = Jdbc.queryString(jdbc, "SELECT pg_walfile_name(pg_current_wal_lsn())").substring(0, 8);
        long position = Long.parseLong(Jdbc.queryString(jdbc, "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::text"));
        long segment = position / segmentSize;
        long perGroup = 0x1_0000_0000L / segmentSize;
        return timeline + String.format(Locale.ROOT, "%08X%08X", segment / perGroup, segment % perGroup);
    }

    @Override
    public LogFiles scan() throws IOException {
        List<Path> complete = new ArrayList<>();
        Path current = null;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (SEGMENT.matcher(name).matches()) {
                    complete.add(file);
                } else if (name.endsWith(".partial") && SEGMENT.matcher(name.substring(0, name.length() - 8)).matches()) {
                    current = file;
                }
            }
        }
        return new LogFiles(complete, Optional.ofNullable(current), Optional.ofNullable(current)
                .map(file -> file.getFileName().toString().replace(".partial", "")));
    }

    @Override
    public Optional<String> receiverStopped() {
        return receiver == null ? Optional.of("pg_receivewal was not started") : receiver.stopped();
    }

    @Override
    public void restartReceiver() throws IOException {
        startReceiver();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (receiver != null) {
            receiver.stop(10);
        }
        try {
            if (receivewal != null) {
                ToolRunner.run(command("pg_receivewal", List.of("--drop-slot", "--slot=" + slot)), null, null);
            }
        } catch (IOException e) {
            LOG.warn("Could not drop replication slot {} on {}: {}; drop it with SELECT pg_drop_replication_slot('{}')"
                    + " or the server keeps its WAL", slot, source.redactedUrl(), e.getMessage(), slot);
        } finally {
            secrets.close();
        }
    }

    private void startReceiver() throws IOException {
        // --no-loop: PlanB restarts it itself, and so learns (and reports) that it stopped.
        receiver = BackgroundTool.start(command("pg_receivewal", List.of("--directory=" + folder, "--slot=" + slot,
                "--no-loop", "--status-interval=5")));
    }

    /**
     * Waits until the receiver streams from the slot: from then on the slot holds the WAL it has not
     * received yet, so none is missed. (The slot reserves WAL only once a receiver starts on it.)
     */
    private void awaitReceiver(Connection jdbc) throws IOException, SQLException {
        long deadline = System.currentTimeMillis() + RECEIVER_START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            List<String> reserved = Jdbc.queryStrings(jdbc, "SELECT restart_lsn::text FROM pg_replication_slots"
                    + " WHERE slot_name = ? AND active AND restart_lsn IS NOT NULL", slot);
            if (!reserved.isEmpty()) {
                return;
            }
            Optional<String> stopped = receiver.stopped();
            if (stopped.isPresent()) {
                throw new IOException(stopped.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("stopped while waiting for pg_receivewal");
            }
        }
        throw new IOException("pg_receivewal did not start streaming from slot " + slot + " in "
                + RECEIVER_START_TIMEOUT_MS / 1000 + " s");
    }

    private ToolCommand command(String name, List<String> options) {
        List<String> arguments = new ArrayList<>();
        arguments.add(receivewal.path().toString());
        arguments.addAll(options);
        arguments.addAll(connection.arguments());
        return new ToolCommand(name, arguments, environment);
    }
}
