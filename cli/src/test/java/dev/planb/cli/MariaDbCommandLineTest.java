package dev.planb.cli;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.MariaDbServer;
import java.util.UUID;

class MariaDbCommandLineTest extends ServerDatabaseCommandLineTest {

    @Override
    DatabaseSource newDatabase() {
        return MariaDbServer.shared().newDatabase();
    }

    @Override
    DatabaseSource absentDatabase() {
        return MariaDbServer.shared().database("t_copy_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    String user() {
        return MariaDbServer.USER;
    }

    @Override
    String password() {
        return MariaDbServer.shared().password();
    }

    @Override
    String binaryType() {
        return "LONGBLOB";
    }

    @Override
    String fillBigTable(int rows) {
        return "INSERT INTO big SELECT seq, CONCAT('name ', seq), MD5(seq) FROM seq_1_to_" + rows;
    }

    @Override
    String dumpTool() {
        return "mariadb-dump";
    }

    @Override
    String unreachableUrl() {
        return "jdbc:mariadb://127.0.0.1:1/app";
    }
}
