/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.PrivateFolder;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the MariaDB/MySQL tools connect, read from a {@code jdbc:mariadb:} or {@code jdbc:mysql:}
 * URL: the host, port and database go into an option file, with the user and password, written
 * 0600 into a private folder and given as {@code --defaults-file}, so no credential is in an
 * argument or the child's environment and no other option file changes what the tools do.
 */
final class MariaDbConnection {

    private static final Pattern URL = Pattern.compile(
            "^jdbc:(?:mariadb|mysql):(?:[a-z:]*)//([^/:?,]+|\\[[^]]+])(?::(\\d+))?/([^?;]*)(?:\\?(.*))?$");

    private final String host;
    private final String port;
    private final String database;
    private final String user;
    private final String password;

    private MariaDbConnection(String host, String port, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** Reads the URL; the source's user and password win over those in the URL. */
    static MariaDbConnection of(DatabaseSource source) {
        Matcher matcher = URL.matcher(source.jdbcUrl());
        if (!matcher.matches() || matcher.group(3).isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "database URL " + source.redactedUrl()
                    + " is not a MariaDB/MySQL JDBC URL with a database: write jdbc:mariadb://HOST:PORT/DATABASE");
        }
        Map<String, String> parameters = parameters(matcher.group(4));
        String user = source.userName().orElse(parameters.get("user"));
        String password = source.passwordSecret().map(secret -> secret.reveal()).orElse(parameters.get("password"));
        return new MariaDbConnection(matcher.group(1), matcher.group(2) == null ? "3306" : matcher.group(2),
                URLDecoder.decode(matcher.group(3), StandardCharsets.UTF_8), user, password);
    }

    /** The database's name. */
    String database() {
        return database;
    }

    /** The URL of the server without a database, for our own JDBC connection that creates one. */
    static String serverUrl(String jdbcUrl) {
        return withDatabase(jdbcUrl, "");
    }

    /** The URL of database {@code database} on the same server, with the same options. */
    static String withDatabase(String jdbcUrl, String database) {
        return mariaDbUrl(jdbcUrl).replaceFirst("^(jdbc:mariadb:(?:[a-z:]*)//[^/]*/)[^?;]*",
                "$1" + Matcher.quoteReplacement(database));
    }

    /** The URL as MariaDB Connector/J accepts it: {@code jdbc:mysql:} becomes {@code jdbc:mariadb:}. */
    static String mariaDbUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length()) : jdbcUrl;
    }

    /** Writes the option file into {@code folder}: {@code [client]} host, port, user, password, character set. */
    Path optionFile(PrivateFolder folder) throws IOException {
        return folder.writeSecretFile("client.cnf", connectionOptions() + "default-character-set=utf8mb4\n"
                + "max-allowed-packet=1G\n");
    }

    /**
     * Writes an option file with the connection alone (host, port, user, password) into {@code folder}:
     * for {@code mariadb-binlog}, which refuses the client's other options.
     */
    Path connectionOptionFile(PrivateFolder folder) throws IOException {
        return folder.writeSecretFile("connection.cnf", connectionOptions());
    }

    private String connectionOptions() {
        StringBuilder file = new StringBuilder("[client]\n");
        file.append("host=").append(quote(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)).append('\n');
        file.append("port=").append(port).append('\n');
        file.append("protocol=TCP\n");
        if (user != null) {
            file.append("user=").append(quote(user)).append('\n');
        }
        if (password != null) {
            file.append("password=").append(quote(password)).append('\n');
        }
        return file.toString();
    }

    /** Option-file values in double quotes, with backslash escapes. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
