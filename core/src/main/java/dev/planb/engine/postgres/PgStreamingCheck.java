/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.PlanBException;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a PostgreSQL server must allow for WAL streaming, checked before anything runs: one line per
 * missing setting, privilege or tool, each saying what to change.
 */
final class PgStreamingCheck {

    private PgStreamingCheck() {
    }

    static List<String> problems(DatabaseSource source, PostgresOptions options) {
        List<String> problems = new ArrayList<>();
        String user;
        try (Connection connection = PostgresEngine.openConnection(source)) {
            user = Jdbc.queryString(connection, "SELECT current_user");
            String walLevel = Jdbc.queryString(connection, "SHOW wal_level");
            if ("minimal".equals(walLevel)) {
                problems.add("wal_level is 'minimal': set wal_level = replica in postgresql.conf and restart the server");
            }
            int senders = Integer.parseInt(Jdbc.queryString(connection, "SHOW max_wal_senders"));
            if (senders < 2) {
                problems.add("max_wal_senders is " + senders + ": set it to 2 or more (pg_receivewal and pg_basebackup each"
                        + " use one) and restart the server");
            }
            int slots = Integer.parseInt(Jdbc.queryString(connection, "SHOW max_replication_slots"));
            if (slots < 1) {
                problems.add("max_replication_slots is 0: set it to 1 or more and restart the server");
            }
            boolean replication = "t".equals(Jdbc.queryString(connection,
                    "SELECT (rolreplication OR rolsuper)::text::char FROM pg_roles WHERE rolname = current_user"));
            if (!replication) {
                problems.add("role " + user + " may not replicate: ALTER ROLE " + user + " REPLICATION (as a superuser)");
            }
            int major = Integer.parseInt(Jdbc.queryString(connection, "SHOW server_version_num")) / 10_000;
            for (String tool : List.of("pg_receivewal", "pg_basebackup")) {
                try {
                    PgTools.find(tool, options.tools(), major);
                } catch (PlanBException e) {
                    problems.add(e.getMessage());
                }
            }
            if (replication) {
                replicationRefusal(source).ifPresent(problems::add);
            }
        } catch (SQLException e) {
            problems.add("cannot read the server's settings: " + Messages.firstLine(e));
        }
        return problems;
    }

    /** Opens a replication connection as pg_receivewal will: pg_hba.conf needs a {@code replication} line. */
    private static Optional<String> replicationRefusal(DatabaseSource source) {
        Properties properties = new Properties();
        properties.setProperty("replication", "true");
        properties.setProperty("assumeMinServerVersion", "9.4");
        properties.setProperty("preferQueryMode", "simple");
        properties.setProperty("connectTimeout", "10");
        try (Connection connection = Jdbc.connect(source, source.jdbcUrl(), properties, "org.postgresql:postgresql")) {
            connection.createStatement().execute("IDENTIFY_SYSTEM");
            return Optional.empty();
        } catch (PlanBException | SQLException e) {
            return Optional.of("the server refuses a replication connection (" + Messages.firstLine(e)
                    + "): add a 'host replication USER CLIENT_ADDRESS scram-sha-256' line to pg_hba.conf and reload");
        }
    }
}
