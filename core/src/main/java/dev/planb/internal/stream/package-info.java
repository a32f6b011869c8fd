/**
 * Streams of the pipeline: counting, checksum verification, fan-out to several destinations and
 * progress. No compatibility promise.
 */
package dev.planb.internal.stream;
