/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.PrivateFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Where the PostgreSQL tools connect, taken from the JDBC URL as pgjdbc reads it: a libpq
 * connection string for their arguments (no password in it), and the password in a 0600
 * {@code PGPASSFILE} in a private folder, named by the child's environment.
 */
final class PgConnection {

    private final String host;
    private final String port;
    private final String database;
    private final String user;
    private final String password;
    private final String sslMode;

    private PgConnection(String host, String port, String database, String user, String password, String sslMode) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.sslMode = sslMode;
    }

    /** Reads the URL; the source's user and password win over those in the URL. */
    static PgConnection of(DatabaseSource source) {
        Properties url;
        try {
            url = Driver.parseURL(source.jdbcUrl(), new Properties());
        } catch (NoClassDefFoundError e) {
            throw new PlanBException(ErrorCode.NO_ENGINE, "No PostgreSQL JDBC driver on the class path for "
                    + source.redactedUrl() + ": add org.postgresql:postgresql", e);
        }
        if (url == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "database URL " + source.redactedUrl()
                    + " is not a PostgreSQL JDBC URL: write jdbc:postgresql://HOST:PORT/DATABASE");
        }
        String host = url.getProperty(PGProperty.PG_HOST.getName(), "localhost");
        String port = url.getProperty(PGProperty.PG_PORT.getName(), "5432");
        if (host.contains(",")) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "database URL " + source.redactedUrl()
                    + " names several hosts: give the one host pg_dump should read from");
        }
        String user = source.userName().orElse(url.getProperty(PGProperty.USER.getName()));
        String password = source.passwordSecret().map(secret -> secret.reveal())
                .orElse(url.getProperty(PGProperty.PASSWORD.getName()));
        return new PgConnection(host, port, url.getProperty(PGProperty.PG_DBNAME.getName(), ""), user, password,
                url.getProperty(PGProperty.SSL_MODE.getName()));
    }

    /** The database's name. */
    String database() {
        return database;
    }

    /** {@code -d CONNINFO} for pg_dump and pg_restore: host, port, database, user; never the password. */
    List<String> arguments() {
        List<String> conninfo = new ArrayList<>();
        conninfo.add("host=" + quote(host));
        conninfo.add("port=" + quote(port));
        conninfo.add("dbname=" + quote(database));
        if (user != null) {
            conninfo.add("user=" + quote(user));
        }
        if (sslMode != null) {
            conninfo.add("sslmode=" + quote(sslMode));
        }
        return List.of("-d", String.join(" ", conninfo), "--no-password");
    }

    /** The child's environment: {@code PGPASSFILE} pointing at a 0600 file in {@code folder}, when there is a password. */
    Map<String, String> environment(PrivateFolder folder) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("PGCONNECT_TIMEOUT", "30");
        if (password != null) {
            // hostname:port:database:username:password, with ':' and '\' escaped; '*' matches anything.
            String line = "*:*:*:*:" + password.replace("\\", "\\\\").replace(":", "\\:") + "\n";
            environment.put("PGPASSFILE", folder.writeSecretFile("pgpass", line).toString());
        }
        return environment;
    }

    /** Quotes a value for a libpq connection string. */
    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
