/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several plans and pulls run by one runtime: the root of a configuration file ({@code plans.NAME.…},
 * {@code pulls.NAME.…}). {@link PlanFactory#start(PlanBSettings)} starts them.
 */
public class PlanBSettings {

    /** How many backups may run at the same time. */
    private int threads = 2;

    /**
     * On shutdown (SIGTERM), how long a running backup may take to finish before it is stopped (it
     * then leaves nothing visible). Zero: stopped at once.
     */
    private Duration shutdownGrace = Duration.ZERO;

    /** The plans, by name: the name is the folder their backups are stored under. */
    private Map<String, PlanSettings> plans = new LinkedHashMap<>();

    /** Pulls (copies of complete backups from another destination, e.g. production's outbox), by name. */
    private Map<String, PullSettings> pulls = new LinkedHashMap<>();

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public Duration getShutdownGrace() {
        return shutdownGrace;
    }

    public void setShutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
    }

    public Map<String, PlanSettings> getPlans() {
        return plans;
    }

    public void setPlans(Map<String, PlanSettings> plans) {
        this.plans = plans;
    }

    public Map<String, PullSettings> getPulls() {
        return pulls;
    }

    public void setPulls(Map<String, PullSettings> pulls) {
        this.pulls = pulls;
    }

    /** Copies complete backups from one destination to others on a schedule, checking every checksum. */
    public static class PullSettings {

        /** Where backups are copied from, e.g. sftp://planb@prod/srv/outbox?identity=… */
        private String from;

        /** Where they are copied to; each gets every backup. */
        private List<String> to = new ArrayList<>();

        /** Copy only this plan's backups; unset: every plan's. */
        private String plan;

        /** Remove a backup from the source once every destination holds a verified copy. */
        private boolean removeCopied;

        /** When the pull runs: a cron expression with seconds or an interval ("15m"). */
        private String schedule = "15m";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public List<String> getTo() {
            return to;
        }

        public void setTo(List<String> to) {
            this.to = to;
        }

        public String getPlan() {
            return plan;
        }

        public void setPlan(String plan) {
            this.plan = plan;
        }

        public boolean isRemoveCopied() {
            return removeCopied;
        }

        public void setRemoveCopied(boolean removeCopied) {
            this.removeCopied = removeCopied;
        }

        public String getSchedule() {
            return schedule;
        }

        public void setSchedule(String schedule) {
            this.schedule = schedule;
        }
    }
}
