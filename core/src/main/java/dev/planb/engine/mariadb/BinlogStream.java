/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.LogFileNames;
import dev.planb.internal.tool.BackgroundTool;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.spi.DumpResult;
import dev.planb.spi.LogStream;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A MariaDB/MySQL streaming session: a dump with the binlog coordinates of its snapshot
 * ({@code --single-transaction --master-data=2}), then {@code mariadb-binlog --read-from-remote-server
 * --raw --stop-never} from those coordinates, which writes the server's binlog files, as they are, into
 * the session's folder. Every file but the newest is complete; the newest is being written.
 */
final class BinlogStream implements LogStream {

    private final MariaDbEngine engine;
    private final MariaDbOptions options;
    private final DatabaseSource source;
    private final Path folder;
    private final int serverId;
    private final PrivateFolder secrets;
    private final Path optionFile;
    private String firstFile;
    private BackgroundTool receiver;
    private boolean closed;

    BinlogStream(MariaDbEngine engine, MariaDbOptions options, DatabaseSource source, String plan, Path folder)
            throws IOException {
        this.engine = engine;
        this.options = options;
        this.source = source;
        this.folder = Files.createDirectories(folder.resolve("binlog"));
        // The server tells its replicas apart by id: one of its own per plan, away from the usual small ones.
        this.serverId = 1_000_000 + Math.floorMod(plan.hashCode(), 1_000_000);
        this.secrets = PrivateFolder.create();
        this.optionFile = MariaDbConnection.of(source).connectionOptionFile(secrets);
    }

    @Override
    public String baseFileName() {
        return engine.dumpFileName();
    }

    @Override
    public String baseKind() {
        return Manifest.KIND_FULL;
    }

    @Override
    public ChainStart begin(OutputStream out) throws IOException {
        BinlogCoordinates coordinates = new BinlogCoordinates(out);
        DumpResult dump = engine.dump(source, coordinates, List.of("--master-data=2"));
        BinlogCoordinates.Position position = coordinates.position().orElseThrow(() -> new PlanBException(
                ErrorCode.DUMP_FAILED, "The dump of " + source.redactedUrl() + " holds no binlog coordinates: is binary"
                        + " logging on (log_bin)?"));
        firstFile = position.file();
        startReceiver(firstFile);
        return new ChainStart(dump, new LogInfo("binlog", position.file(), position.position(), false, 0));
    }

    @Override
    public LogFiles scan() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(file -> file.getFileName().toString().matches(".+\\.\\d+")).forEach(files::add);
        }
        files.sort((a, b) -> LogFileNames.compare("binlog", a.getFileName().toString(), b.getFileName().toString()));
        if (files.isEmpty()) {
            return new LogFiles(List.of(), Optional.empty(), Optional.empty());
        }
        Path current = files.remove(files.size() - 1);
        return new LogFiles(files, Optional.of(current), Optional.of(current.getFileName().toString()));
    }

    @Override
    public Optional<String> receiverStopped() {
        return receiver == null ? Optional.of("mariadb-binlog was not started") : receiver.stopped();
    }

    /** Starts again from the newest file received: the receiver writes that file anew from its start. */
    @Override
    public void restartReceiver() throws IOException {
        startReceiver(scan().currentName().orElse(firstFile));
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
        secrets.close();
    }

    private void startReceiver(String file) throws IOException {
        MariaDbTools.Tool tool = MariaDbTools.binlog(options.tools());
        receiver = BackgroundTool.start(new ToolCommand(tool.name(), List.of(tool.path().toString(),
                "--defaults-file=" + optionFile, "--read-from-remote-server", "--raw", "--stop-never",
                "--stop-never-slave-server-id=" + serverId, "--result-file=" + folder + "/", file)));
    }
}
