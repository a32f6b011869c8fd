/**
 * Running external tools ({@code pg_dump}, {@code mariadb}, …): commands, private working folders,
 * the tail of standard error for messages. No compatibility promise.
 */
package dev.planb.internal.tool;
