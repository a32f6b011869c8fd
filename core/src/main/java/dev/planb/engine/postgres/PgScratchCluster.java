/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.spi.PointInTimeScratch;
import dev.planb.spi.RecoveryDestination;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.ProcessOwnedFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch place of a PostgreSQL point-in-time drill: a data directory in a temporary folder,
 * run after its recovery on a free loopback port with PlanB's own {@code pg_hba.conf} (password
 * logins from 127.0.0.1 only), read with the live database's user and password (the roles are
 * those of the recovered cluster), and deleted with the folder on {@link #close()}.
 */
final class PgScratchCluster implements PointInTimeScratch {

    private static final Logger LOG = LoggerFactory.getLogger(PgScratchCluster.class);

    private final DatabaseSource live;
    private final PostgresOptions options;
    private final Path folder;
    private final Path data;
    private PgTools.Tool pgCtl;

    PgScratchCluster(DatabaseSource live, PostgresOptions options) throws IOException {
        this.live = live;
        this.options = options;
        // Others may pass through (not read) the folder: the server may run as the postgres user.
        this.folder = Files.createTempDirectory("planb-drill-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx--x--x")));
        this.data = folder.resolve("data");
    }

    @Override
    public RecoveryDestination destination() {
        return RecoveryDestination.dataDirectory(data);
    }

    @Override
    public DatabaseSource open() throws IOException {
        int major = Integer.parseInt(Files.readString(data.resolve("PG_VERSION")).strip());
        pgCtl = PgTools.findExact("pg_ctl", options.tools(), major);
        Path run = Files.createDirectories(folder.resolve("run"));
        Path hba = Files.writeString(run.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 md5\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PgServerProcess.giveToServerUser(folder);
        PgServerProcess.start(pgCtl, data, run.resolve("server.log"), List.of("-c listen_addresses=127.0.0.1",
                "-c port=" + port, "-c unix_socket_directories='" + run + "'", "-c hba_file='" + hba + "'",
                "-c logging_collector=off", "-c archive_mode=off", "-c ssl=off"));
        return DatabaseSource.of("jdbc:postgresql://127.0.0.1:" + port + "/" + PgConnection.of(live).database(),
                live.user(), live.password());
    }

    @Override
    public void close() {
        try {
            if (pgCtl != null && Files.exists(data.resolve("postmaster.pid"))) {
                PgServerProcess.stop(pgCtl, data, "immediate");
            }
        } catch (IOException e) {
            LOG.warn("Could not stop the drill's PostgreSQL server on {}: {}", data, Messages.firstLine(e));
        }
        try {
            ProcessOwnedFiles.deleteTree(folder);
        } catch (IOException e) {
            LOG.warn("Could not delete the drill's data directory {}: {}", folder, Messages.firstLine(e));
        }
    }
}
