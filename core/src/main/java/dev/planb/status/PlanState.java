package dev.planb.status;

/** What a plan is doing now. */
public enum PlanState {
    /** Waiting for its next run, with a recent enough backup (or no max age). */
    IDLE,
    /** A backup is running; its progress is in {@link PlanStatus#progress()}. */
    RUNNING,
    /** No successful backup within the plan's max age: an alarm, even while a backup runs. */
    STALE
}
