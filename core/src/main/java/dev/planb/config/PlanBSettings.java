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

    /** Creates settings with no plan and no pull, 2 threads and no shutdown grace. */
    public PlanBSettings() {
    }

    /** {@return how many backups may run at the same time (default 2)} */
    public int getThreads() {
        return threads;
    }

    /**
     * Sets {@code threads}.
     *
     * @param threads how many backups may run at the same time (default 2)
     */
    public void setThreads(int threads) {
        this.threads = threads;
    }

    /**
     * {@return how long a running backup may take to finish on shutdown before it is stopped; zero: stopped at once}
     */
    public Duration getShutdownGrace() {
        return shutdownGrace;
    }

    /**
     * Sets {@code shutdown-grace}.
     *
     * @param shutdownGrace how long a running backup may take to finish on shutdown before it is stopped; zero: stopped at once
     */
    public void setShutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
    }

    /** {@return the plans by name; the name is the folder their backups are stored under} */
    public Map<String, PlanSettings> getPlans() {
        return plans;
    }

    /**
     * Sets {@code plans}.
     *
     * @param plans the plans by name; the name is the folder their backups are stored under
     */
    public void setPlans(Map<String, PlanSettings> plans) {
        this.plans = plans;
    }

    /** {@return the pulls by name} */
    public Map<String, PullSettings> getPulls() {
        return pulls;
    }

    /**
     * Sets {@code pulls}.
     *
     * @param pulls the pulls by name
     */
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

        /** Creates a pull with no source or destination yet, running every 15 minutes and removing nothing. */
        public PullSettings() {
        }

        /** {@return the destination URI backups are copied from, e.g. production's outbox} */
        public String getFrom() {
            return from;
        }

        /**
         * Sets {@code from}.
         *
         * @param from the destination URI backups are copied from, e.g. production's outbox
         */
        public void setFrom(String from) {
            this.from = from;
        }

        /** {@return the destination URIs backups are copied to; each gets every backup} */
        public List<String> getTo() {
            return to;
        }

        /**
         * Sets {@code to}.
         *
         * @param to the destination URIs backups are copied to; each gets every backup
         */
        public void setTo(List<String> to) {
            this.to = to;
        }

        /** {@return the only plan whose backups are copied; {@code null}: every plan's} */
        public String getPlan() {
            return plan;
        }

        /**
         * Sets {@code plan}.
         *
         * @param plan the only plan whose backups are copied; {@code null}: every plan's
         */
        public void setPlan(String plan) {
            this.plan = plan;
        }

        /** {@return whether a backup is removed from the source once every destination holds a verified copy} */
        public boolean isRemoveCopied() {
            return removeCopied;
        }

        /**
         * Sets {@code remove-copied}.
         *
         * @param removeCopied whether a backup is removed from the source once every destination holds a verified copy
         */
        public void setRemoveCopied(boolean removeCopied) {
            this.removeCopied = removeCopied;
        }

        /** {@return when the pull runs: a cron expression with seconds or an interval (default {@code 15m})} */
        public String getSchedule() {
            return schedule;
        }

        /**
         * Sets {@code schedule}.
         *
         * @param schedule when the pull runs: a cron expression with seconds or an interval (default {@code 15m})
         */
        public void setSchedule(String schedule) {
            this.schedule = schedule;
        }
    }
}
