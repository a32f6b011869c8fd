/**
 * Database support: the {@link dev.planb.engine.DatabaseEngine} SPI, its lookup by JDBC URL, and
 * the engines built in (SQLite, H2).
 */
package dev.planb.engine;
