/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.DatabaseSource;
import dev.planb.PlanBException;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a MariaDB/MySQL server must allow for binlog streaming, checked before anything runs: one line
 * per missing setting, privilege or tool.
 */
final class BinlogStreamingCheck {

    /** The privileges of a {@code SHOW GRANTS} line on every database (never its password hash). */
    private static final Pattern GLOBAL_GRANT = Pattern.compile("^GRANT (.+?) ON \\*\\.\\* TO ");

    private BinlogStreamingCheck() {
    }

    static List<String> problems(DatabaseSource source, MariaDbOptions options) {
        List<String> problems = new ArrayList<>();
        try (Connection connection = MariaDbEngine.openConnection(source)) {
            if (!"1".equals(Jdbc.queryString(connection, "SELECT @@log_bin"))) {
                problems.add("binary logging is off: start the server with log_bin (e.g. log-bin=mysql-bin) and a"
                        + " server_id, then restart it");
            }
            String current = Jdbc.queryString(connection, "SELECT CURRENT_USER()");
            int at = current.lastIndexOf('@');
            String user = at < 0 ? current : "'" + current.substring(0, at) + "'@'" + current.substring(at + 1) + "'";
            boolean replication = false;
            for (String grant : Jdbc.queryStrings(connection, "SHOW GRANTS")) {
                Matcher matcher = GLOBAL_GRANT.matcher(grant);
                if (matcher.find() && (matcher.group(1).contains("REPLICATION SLAVE")
                        || matcher.group(1).contains("ALL PRIVILEGES"))) {
                    replication = true;
                }
            }
            if (!replication) {
                problems.add("user " + user + " may not read the binary log: GRANT REPLICATION SLAVE ON *.* TO " + user);
            }
        } catch (SQLException e) {
            problems.add("cannot read the server's settings: " + Messages.firstLine(e));
        }
        try {
            MariaDbTools.binlog(options.tools());
        } catch (PlanBException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
