/**
 * The scheduling runtime behind {@link dev.planb.PlanB#builder()}: ticks, the worker pool, locks,
 * timeouts and events. No compatibility promise.
 */
package dev.planb.internal.runtime;
