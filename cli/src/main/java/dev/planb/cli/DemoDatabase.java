/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** The demo's sample shop: customers, products, orders and order lines in a SQLite file. */
final class DemoDatabase {

    static final int CUSTOMERS = 1_000;
    static final int PRODUCTS = 200;
    static final int ORDERS = 3_000;
    static final int ORDER_LINES = 6_000;

    private static final String[] NAMES = {"Ada", "Grace", "Linus", "Zoë", "Józef", "Aiko", "Olu", "Mateo", "Saanvi", "Noor"};

    private DemoDatabase() {
    }

    /** Creates the database at {@code file}, which must not exist. */
    static void create(Path file) throws SQLException {
        Random random = new Random(42);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL)");
            statement.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, title TEXT NOT NULL, price_cents INTEGER NOT NULL)");
            statement.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers,"
                    + " placed_at TEXT NOT NULL)");
            statement.execute("CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders,"
                    + " product_id INTEGER NOT NULL REFERENCES products, quantity INTEGER NOT NULL)");
            connection.setAutoCommit(false);
            insert(connection, "INSERT INTO customers VALUES (?, ?, ?)", CUSTOMERS, (row, i) -> {
                String name = NAMES[random.nextInt(NAMES.length)] + " " + i;
                row.setString(2, name);
                row.setString(3, "customer" + i + "@example.com");
            });
            insert(connection, "INSERT INTO products VALUES (?, ?, ?)", PRODUCTS, (row, i) -> {
                row.setString(2, "Product #" + i);
                row.setInt(3, 100 + random.nextInt(10_000));
            });
            insert(connection, "INSERT INTO orders VALUES (?, ?, ?)", ORDERS, (row, i) -> {
                row.setInt(2, 1 + random.nextInt(CUSTOMERS));
                row.setString(3, "2026-" + String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)));
            });
            insert(connection, "INSERT INTO order_lines VALUES (?, ?, ?, ?)", ORDER_LINES, (row, i) -> {
                row.setInt(2, 1 + random.nextInt(ORDERS));
                row.setInt(3, 1 + random.nextInt(PRODUCTS));
                row.setInt(4, 1 + random.nextInt(5));
            });
            connection.commit();
        }
    }

    private static void insert(Connection connection, String sql, int rows, RowFiller filler) throws SQLException {
        try (PreparedStatement row = connection.prepareStatement(sql)) {
            for (int i = 1; i <= rows; i++) {
                row.setInt(1, i);
                filler.fill(row, i);
                row.addBatch();
            }
            row.executeBatch();
        }
    }

    @FunctionalInterface
    private interface RowFiller {
        void fill(PreparedStatement row, int index) throws SQLException;
    }
}
