/**
 * When plans run: {@link dev.planb.schedule.Schedule} (cron or fixed interval, jitter, catch-up).
 * The runtime that runs them is {@link dev.planb.PlanB#builder()}.
 */
package dev.planb.schedule;
