/**
 * The streaming pipeline: one read of the database, compression, encryption, SHA-256 and fan-out
 * to every destination, and the restore path back. No compatibility promise.
 */
package dev.planb.internal.pipeline;
