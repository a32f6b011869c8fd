/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.DatabaseSource;
import dev.planb.PlanBException;
import dev.planb.spi.Finding;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code mariadb-dump --single-transaction --routines --triggers --events} will need, checked
 * before the first backup: the tool and its version, the privileges on the database (SELECT, SHOW
 * VIEW, TRIGGER, EVENT) and on routine bodies, DEFINERs a restore user will need SUPER or SET USER
 * for, tables the transaction cannot make consistent, and the database's character set. Each
 * problem is one finding naming the GRANT or setting that fixes it.
 */
final class MariaDbPreflight {

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    private final List<Finding> findings = new ArrayList<>();
    private String database;
    private String user;
    private String account;

    private MariaDbPreflight() {
    }

    static List<Finding> findings(DatabaseSource source, MariaDbOptions options) {
        MariaDbPreflight preflight = new MariaDbPreflight();
        try (Connection connection = MariaDbEngine.openConnection(source)) {
            preflight.check(connection, MariaDbConnection.of(source).database(), options);
        } catch (PlanBException e) {
            preflight.findings.add(Finding.blocker("database", e.getMessage()));
        } catch (SQLException e) {
            preflight.findings.add(Finding.blocker("database", "cannot read the catalog of " + source.redactedUrl()
                    + ": " + Messages.firstLine(e)));
        }
        return preflight.findings;
    }

    private void check(Connection connection, String name, MariaDbOptions options) throws SQLException {
        database = name;
        String current = Jdbc.queryString(connection, "SELECT CURRENT_USER()");
        int at = current.lastIndexOf('@');
        user = current;
        account = "'" + current.substring(0, at) + "'@'" + current.substring(at + 1) + "'";
        String version = Jdbc.queryString(connection, "SELECT VERSION()");
        findings.add(Finding.ok("database", "connected to " + version + " as " + account));
        tool(options, version);
        int before = findings.size();
        privileges(connection);
        routines(connection);
        if (findings.size() == before) {
            findings.add(Finding.ok("privileges", account + " may read every table, view, trigger, event and routine"
                    + " of " + database));
        }
        definers(connection);
        nonTransactionalTables(connection);
        charset(connection);
    }

    private void tool(MariaDbOptions options, String serverVersion) {
        MariaDbTools.Tool tool;
        try {
            tool = MariaDbTools.dump(options.tools());
        } catch (PlanBException e) {
            findings.add(Finding.blocker("dump tool", e.getMessage()));
            return;
        }
        boolean mariaDbServer = serverVersion.contains("MariaDB");
        if (mariaDbServer && !tool.isMariaDb()) {
            findings.add(Finding.warning("dump tool", tool.name() + " (" + tool.path() + ") is MySQL's, not MariaDB's:"
                    + " it may not dump MariaDB's objects faithfully; install the MariaDB client (Debian/Ubuntu:"
                    + " apt-get install mariadb-client)"));
        } else if (release(tool.versionNumber()) < release(serverVersion)) {
            findings.add(Finding.warning("dump tool", tool.name() + " " + tool.versionNumber() + " (" + tool.path()
                    + ") is older than the server " + serverVersion + ": install a client of the server's version or"
                    + " newer (Debian/Ubuntu: apt-get install mariadb-client)"));
        } else {
            findings.add(Finding.ok("dump tool", tool.name() + " " + tool.versionNumber() + " (" + tool.path() + ")"));
        }
    }

    /** Major and minor as one comparable number, e.g. 10.11 as 10011; 0 when unknown. */
    private static int release(String version) {
        Matcher matcher = RELEASE.matcher(version);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) * 1000 + Integer.parseInt(matcher.group(2)) : 0;
    }

    /**
     * The privileges the dump needs on the database, held globally or on it (or on a pattern that
     * matches it). Without SELECT, tables without a grant of their own are invisible and left out;
     * without SHOW VIEW or EVENT the dump fails; without TRIGGER, triggers are left out silently.
     */
    private void privileges(Connection connection) throws SQLException {
        Set<String> held = held(connection);
        String grantOn = " ON " + Jdbc.quoteIdentifier(database).replace('"', '`') + ".* TO " + account;
        if (!held.contains("SELECT")) {
            findings.add(Finding.blocker("privileges", account + " lacks SELECT on " + database + ": tables it has no"
                    + " grant on are invisible to it and left out of the backup, others fail it: GRANT SELECT" + grantOn));
        }
        boolean views = !Jdbc.queryStrings(connection, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_TYPE = 'VIEW' LIMIT 1", database).isEmpty();
        if (views && !held.contains("SHOW VIEW")) {
            findings.add(Finding.blocker("privileges", account + " lacks SHOW VIEW on " + database
                    + ", so the dump fails on its views: GRANT SHOW VIEW" + grantOn));
        }
        if (!held.contains("EVENT")) {
            findings.add(Finding.blocker("privileges", account + " lacks EVENT on " + database
                    + ", so the dump fails listing its events: GRANT EVENT" + grantOn));
        }
        if (!held.contains("TRIGGER")) {
            findings.add(Finding.warning("privileges", account + " lacks TRIGGER on " + database
                    + ": its triggers are invisible to it and left out of the backup silently: GRANT TRIGGER" + grantOn));
        }
    }

    private Set<String> held(Connection connection) throws SQLException {
        List<String> grantees = new ArrayList<>(List.of(account));
        String role = Jdbc.queryString(connection, "SELECT CURRENT_ROLE()");
        if (role != null) {
            grantees.add("'" + role + "'");
        }
        Set<String> held = new HashSet<>();
        for (String grantee : grantees) {
            held.addAll(Jdbc.queryStrings(connection, "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES"
                    + " WHERE GRANTEE = ?", grantee));
            held.addAll(Jdbc.queryStrings(connection, "SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES"
                    + " WHERE GRANTEE = ? AND ? LIKE TABLE_SCHEMA", grantee, database));
        }
        return held;
    }

    /**
     * Routine bodies: {@code SHOW CREATE} shows them to their definer or to who may read
     * {@code mysql.proc}. A routine the user may run but not read fails the dump; one it has no
     * privilege on is invisible and left out.
     */
    private void routines(Connection connection) throws SQLException {
        if (canReadRoutineBodies(connection)) {
            return;
        }
        List<String> unreadable = Jdbc.queryStrings(connection, "SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME)"
                + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_DEFINITION IS NULL"
                + " ORDER BY ROUTINE_NAME", database);
        String grant = "GRANT SELECT ON mysql.proc TO " + account;
        if (!unreadable.isEmpty()) {
            findings.add(Finding.blocker("privileges", account + " may not read the body of " + String.join(", ", unreadable)
                    + ", so the dump fails: " + grant));
        } else {
            findings.add(Finding.warning("privileges", account + " may not read mysql.proc: routines another user defined"
                    + " are invisible to it and left out of the backup silently: " + grant));
        }
    }

    private static boolean canReadRoutineBodies(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM mysql.proc LIMIT 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Objects that run as another user: restoring them needs SUPER or SET USER unless that user restores. */
    private void definers(Connection connection) throws SQLException {
        Map<String, List<String>> byDefiner = new LinkedHashMap<>();
        String sql = "SELECT DEFINER, CONCAT('view ', TABLE_NAME) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?"
                + " UNION ALL SELECT DEFINER, CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = ? UNION ALL SELECT DEFINER, CONCAT('trigger ', TRIGGER_NAME)"
                + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? UNION ALL SELECT DEFINER,"
                + " CONCAT('event ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY 1, 2";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                statement.setString(i, database);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!user.equals(rows.getString(1))) {
                        byDefiner.computeIfAbsent(rows.getString(1), definer -> new ArrayList<>()).add(rows.getString(2));
                    }
                }
            }
        }
        byDefiner.forEach((definer, objects) -> findings.add(Finding.warning("definer", objects.size()
                + " object(s) run as DEFINER " + definer + " (" + String.join(", ", objects.subList(0, Math.min(5,
                objects.size()))) + (objects.size() > 5 ? ", …" : "") + "): a restore by any other user needs SUPER or"
                + " SET USER; restore with --definers current-user (the restore user then defines them), restore as "
                + definer + ", or GRANT SET USER ON *.* TO the restore user")));
    }

    /** --single-transaction gives a consistent snapshot of transactional tables only. */
    private void nonTransactionalTables(Connection connection) throws SQLException {
        List<String> tables = Jdbc.queryStrings(connection, "SELECT CONCAT(TABLE_NAME, ' (', ENGINE, ')')"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"
                + " AND ENGINE NOT IN ('InnoDB', 'SEQUENCE') ORDER BY TABLE_NAME", database);
        if (!tables.isEmpty()) {
            findings.add(Finding.warning("consistency", "table(s) " + String.join(", ", tables) + " are not"
                    + " transactional: the dump of them is not consistent with the rest while the application writes:"
                    + " ALTER TABLE " + tables.get(0).substring(0, tables.get(0).indexOf(" (")) + " ENGINE=InnoDB"));
        }
    }

    /**
     * The database's default character set and collation; PlanB's dump carries them
     * ({@code ALTER DATABASE} after its first line), so a restored database gets them even when they
     * are not the server's.
     */
    private void charset(Connection connection) throws SQLException {
        List<String> defaults = Jdbc.queryStrings(connection, "SELECT CONCAT(DEFAULT_CHARACTER_SET_NAME, ' ',"
                + " DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", database);
        String server = Jdbc.queryString(connection, "SELECT CONCAT(@@character_set_server, ' ', @@collation_server)");
        if (defaults.isEmpty()) {
            return;
        }
        String[] here = defaults.get(0).split(" ");
        if (defaults.get(0).equals(server)) {
            findings.add(Finding.ok("charset", "character set " + here[0] + ", collation " + here[1]
                    + " (the server's default)"));
        } else {
            findings.add(Finding.ok("charset", "character set " + here[0] + ", collation " + here[1] + " (not the server's "
                    + server.replace(' ', '/') + "; the dump carries them, so a restored database gets them)"));
        }
    }
}
