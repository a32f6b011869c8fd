/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

/**
 * A JDBC URL with the user and password to connect as, as the application's configuration says them.
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 */
record JdbcLogin(String url, String user, String password) {
}
