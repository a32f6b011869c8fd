/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.config.PlanSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PlanB's {@code planb.*} properties, bound onto core's configuration model ({@link PlanSettings}): the
 * top level describes the application's own plan, which backs up its {@code DataSource} (unless
 * {@code planb.database.url} names another database); {@code planb.plans.NAME.*} adds plans for other
 * databases, with exactly the keys of a {@code planb.yml} file's {@code plans.NAME.*}. Destinations may
 * also be keyed by name ({@code planb.destinations.local.uri}), so that one of their settings can be
 * overridden alone (see {@link NamedDestinations}).
 *
 * <pre>
 * planb.destinations.local.uri=file:./backups
 * planb.destinations.local.retention.keep-daily=7
 * planb.schedule=0 0 2 * * *
 * planb.max-age=26h
 * </pre>
 */
@ConfigurationProperties("planb")
public class PlanBProperties extends PlanSettings {

    /** Whether PlanB backs up the application's database. */
    private boolean enabled = true;

    /** Name of the application's plan: the folder its backups are stored under. */
    private String name = "app";

    /**
     * Whether each plan is checked at start-up, as {@code planb doctor} checks it (dump tool,
     * privileges, objects left out, destinations writable and whether these credentials can delete
     * backups), with the findings in the log. Runs in the background; never stops the application.
     */
    private boolean preflight = true;

    /** How many backups may run at the same time. */
    private int threads = 2;

    /**
     * How long a backup running at shutdown may go on before it is cancelled (a cancelled backup leaves
     * nothing visible on any destination); {@code planb.yml}'s {@code shutdown-grace}.
     */
    private Duration shutdownGrace = Duration.ofSeconds(30);

    /**
     * Further plans by name, each with its own database ({@code planb.plans.NAME.database.url})
     * and the same settings as the application's plan.
     */
    private Map<String, PlanSettings> plans = new LinkedHashMap<>();

    /** The HTML status page. */
    private final StatusPage statusPage = new StatusPage();

    /** Every property at its default (the core builder's), before Spring Boot binds {@code planb.*} onto it. */
    public PlanBProperties() {
    }

    /** {@return {@code planb.enabled}: whether PlanB backs up the application's database (default true)} */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets {@code planb.enabled}.
     *
     * @param enabled {@code false} to turn PlanB's auto-configuration off: no plan is built or scheduled
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@return {@code planb.preflight}: whether each plan is checked in the background at start-up (default true)} */
    public boolean isPreflight() {
        return preflight;
    }

    /**
     * Sets {@code planb.preflight}.
     *
     * @param preflight {@code false} to skip the start-up checks, e.g. in tests that start many contexts
     */
    public void setPreflight(boolean preflight) {
        this.preflight = preflight;
    }

    /** {@return {@code planb.name}: the application's plan's name, the folder its backups go to (default {@code app})} */
    public String getName() {
        return name;
    }

    /**
     * Sets {@code planb.name}. Changing it later starts a new folder: the older backups stay under the old name.
     *
     * @param name the plan's name, e.g. {@code orders}
     */
    public void setName(String name) {
        this.name = name;
    }

    /** {@return {@code planb.threads}: how many backups may run at the same time (default 2)} */
    public int getThreads() {
        return threads;
    }

    /**
     * Sets {@code planb.threads}.
     *
     * @param threads at least 1 (checked at start-up); a plan never overlaps itself, so more threads only
     *     help with several plans
     */
    public void setThreads(int threads) {
        this.threads = threads;
    }

    /** {@return {@code planb.shutdown-grace}: how long a backup running at shutdown may go on (default 30 seconds)} */
    public Duration getShutdownGrace() {
        return shutdownGrace;
    }

    /**
     * Sets {@code planb.shutdown-grace}.
     *
     * @param shutdownGrace how long shutdown waits for a running backup before cancelling it, which leaves
     *     nothing visible on any destination
     */
    public void setShutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
    }

    /** {@return {@code planb.plans}: the further plans by name, each with its own database (none by default)} */
    public Map<String, PlanSettings> getPlans() {
        return plans;
    }

    /**
     * Sets {@code planb.plans}.
     *
     * @param plans the further plans by name; each name is also the folder its backups go to
     */
    public void setPlans(Map<String, PlanSettings> plans) {
        this.plans = plans;
    }

    /** {@return {@code planb.status-page}: the HTML status page's settings} */
    public StatusPage getStatusPage() {
        return statusPage;
    }

    /** The server-rendered status page. */
    public static class StatusPage {

        /** Whether the status page is served (protected by Spring Security when the application uses it). */
        private boolean enabled;

        /** Where the status page is served. */
        private String path = "/planb";

        /** Off, at {@code /planb}, until properties say otherwise. */
        public StatusPage() {
        }

        /** {@return {@code planb.status-page.enabled}: whether the page is served (default false)} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets {@code planb.status-page.enabled}.
         *
         * @param enabled {@code true} to serve the page in a servlet web application; guard it like any
         *     other page (Spring Security does when the application uses it)
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return {@code planb.status-page.path}: where the page is served (default {@code /planb})} */
        public String getPath() {
            return path;
        }

        /**
         * Sets {@code planb.status-page.path}.
         *
         * @param path the request path, starting with {@code /}
         */
        public void setPath(String path) {
            this.path = path;
        }
    }
}
