/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.spi.Manifest;

/** The by-hand steps of {@code RESTORE.md} for the parts of a PostgreSQL WAL chain. */
final class PgRecoveryGuide {

    private PgRecoveryGuide() {
    }

    static String steps(Manifest manifest) {
        String wal = """
                Every WAL file of the chain is a backup folder of its own (kind `log`, parent = the base backup);
                `planb list --logs` lists them. Decompress each into `DIR/pg_wal/` under the name its manifest's
                `log.file` gives; where a file was shipped several times while it was written (`partial: true`),
                take the newest, longest copy, under the same name without `.partial`.
                """;
        if (manifest.isLog()) {
            return wal + "\nThen recover as the base backup's `RESTORE.md` says.\n";
        }
        return """
                `base.tar` is the data directory as `pg_basebackup` wrote it (PostgreSQL %1$s: recover it with the
                server programs of that major version). As the user that runs PostgreSQL, never root:

                ```sh
                mkdir -m 700 DIR && tar -xf base.tar -C DIR
                ```

                %2$s
                Then tell PostgreSQL where to stop, recover, and check the log for the time it reached:

                ```sh
                touch DIR/recovery.signal
                cat >> DIR/postgresql.auto.conf <<'EOF'
                restore_command = 'false'
                recovery_target_time = 'YYYY-MM-DD HH:MM:SS+00'
                recovery_target_action = 'promote'
                EOF
                pg_ctl -D DIR -l DIR/recovery.log -o "-c hot_standby=off -c listen_addresses=''" -w -t 86400 start
                grep -E 'recovery stopping|last completed transaction' DIR/recovery.log
                ```

                Leave out `recovery_target_time` to replay all the WAL there is. If the log says "recovery ended
                before configured recovery target was reached", no transaction was committed between the end of the
                WAL and the target: remove that line and start again. Afterwards, remove the lines you added to
                `postgresql.auto.conf`.
                """.formatted(manifest.engine().serverVersion(), wal);
    }
}
