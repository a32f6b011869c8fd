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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPreflight() {
        return preflight;
    }

    public void setPreflight(boolean preflight) {
        this.preflight = preflight;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

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

    public StatusPage getStatusPage() {
        return statusPage;
    }

    /** The server-rendered status page. */
    public static class StatusPage {

        /** Whether the status page is served (protected by Spring Security when the application uses it). */
        private boolean enabled;

        /** Where the status page is served. */
        private String path = "/planb";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }
}
