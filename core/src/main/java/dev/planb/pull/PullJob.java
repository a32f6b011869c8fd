/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pull;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.event.PlanBListener;
import dev.planb.event.PullFailed;
import dev.planb.event.Pulled;
import dev.planb.schedule.Schedule;
import dev.planb.spi.Destination;
import dev.planb.spi.PlanName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Copies every complete backup (one with a manifest) from a source, typically production's
 * outbox, to one or more destinations of a host that production cannot reach. Each artifact's
 * size and SHA-256 are checked while it is copied, and the manifest is written last, so a
 * destination never shows a partial or damaged backup. Backups a destination already has are
 * skipped, so a pull that was killed simply runs again. A backup damaged on the source is
 * reported and not copied; the others are. Holds ({@link dev.planb.hold.Holds}) and their releases are copied
 * too, first, so a pruner on the pulling host keeps what production held. With {@link Builder#removeCopied(boolean)}, a backup
 * is removed from the source once every destination holds a verified copy.
 *
 * <pre>{@code
 * PullJob pull = PullJob.builder()
 *         .from(SftpUri.parse("sftp://planb@prod.example.com/srv/outbox?identity=/etc/planb/key"))
 *         .to(new LocalDirectoryDestination(Path.of("/srv/backups")))
 *         .removeCopied(true)
 *         .build();
 * PullResult result = pull.run(event -> log.info("{}", event));   // once, now
 *
 * PlanB runtime = PlanB.builder()                                  // or on a schedule
 *         .pull(PullJob.builder().from(outbox).to(vault).schedule(Schedule.every(Duration.ofMinutes(15))).build())
 *         .listener(event -> log.info("{}", event))
 *         .start();
 * }</pre>
 */
public final class PullJob {

    private final String name;
    private final Destination source;
    private final List<Destination> targets;
    private final Optional<String> plan;
    private final boolean removeCopied;
    private final Optional<Schedule> schedule;

    private PullJob(Builder builder) {
        this.name = builder.name;
        this.source = builder.source;
        this.targets = List.copyOf(builder.targets);
        this.plan = Optional.ofNullable(builder.plan);
        this.removeCopied = builder.removeCopied;
        this.schedule = Optional.ofNullable(builder.schedule);
    }

    /** {@return a builder describing a new pull} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the pull's name, for the runtime's events and messages} */
    public String name() {
        return name;
    }

    /** {@return where backups are copied from} */
    public Destination source() {
        return source;
    }

    /** {@return where backups are copied to, at least one destination} */
    public List<Destination> targets() {
        return targets;
    }

    /** {@return the only plan pulled, or empty for every plan on the source} */
    public Optional<String> plan() {
        return plan;
    }

    /** {@return whether a backup is removed from the source once every destination holds a verified copy} */
    public boolean removeCopied() {
        return removeCopied;
    }

    /** {@return when a runtime runs this pull; empty for a pull that is only run by hand} */
    public Optional<Schedule> schedule() {
        return schedule;
    }

    /**
     * Copies what the destinations lack. Call it again at any time, also after a pull was killed:
     * it carries on where it stopped.
     *
     * @return one outcome per complete backup on the source, oldest first
     * @throws PlanBException when the source or a destination cannot be listed at all
     */
    public PullResult run() {
        return run(PlanBListener.NONE);
    }

    /**
     * Like {@link #run()}, reporting a {@link Pulled} event for each backup copied and a {@link
     * PullFailed} event for each one not copied to {@code listener}; a listener that throws is
     * logged and never stops the pull.
     *
     * @param listener receives the events of this run
     * @return one outcome per complete backup on the source, oldest first
     * @throws PlanBException when the source or a destination cannot be listed at all
     */
    public PullResult run(PlanBListener listener) {
        return new PullRun(this, Objects.requireNonNull(listener, "listener")).execute();
    }

    /** Describes a pull: a source, at least one destination, and options. */
    public static final class Builder {
        private Destination source;
        private final List<Destination> targets = new ArrayList<>();
        private String plan;
        private boolean removeCopied;
        private String name = "pull";
        private Schedule schedule;

        private Builder() {
        }

        /**
         * Sets where to copy from (required).
         *
         * @param source the source, e.g. production's SFTP outbox
         * @return this builder
         */
        public Builder from(Destination source) {
            this.source = source;
            return this;
        }

        /**
         * Adds a destination to copy to; call again for more.
         *
         * @param target the destination; each must be a different place, and not the source
         * @return this builder
         */
        public Builder to(Destination target) {
            targets.add(Objects.requireNonNull(target, "target"));
            return this;
        }

        /**
         * Pulls only one plan's backups.
         *
         * @param plan the plan's name; {@code null} (the default) for every plan on the source
         * @return this builder
         */
        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        /**
         * Sets whether to remove a backup from the source once every destination holds a verified copy.
         *
         * @param removeCopied {@code true} to remove them (default {@code false})
         * @return this builder
         */
        public Builder removeCopied(boolean removeCopied) {
            this.removeCopied = removeCopied;
            return this;
        }

        /**
         * Names the pull.
         *
         * @param name the name in the runtime's events and messages (default {@code pull})
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets when a runtime made with {@link dev.planb.PlanB#builder()} runs this pull.
         *
         * @param schedule the schedule; {@code null} (the default) for a pull run only by hand
         * @return this builder
         */
        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * Checks the settings.
         *
         * @return the pull job

         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming the problem
         */
        public PullJob build() {
            if (source == null) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Pull has no source: set from(destination)");
            }
            if (targets.isEmpty()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Pull from " + source.description()
                        + " has no destination: add at least one with to(destination)");
            }
            Set<String> names = new HashSet<>();
            for (Destination target : targets) {
                if (target.description().equals(source.description()) || !names.add(target.description())) {
                    throw new PlanBException(ErrorCode.INVALID_SETTING, "Pull from " + source.description() + ": "
                            + target.description() + " is given twice: each destination must be a different place");
                }
            }
            if (plan != null) {
                PlanName.check(plan);
            }
            if (name == null || name.isBlank()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Pull from " + source.description()
                        + " has an empty name: give it one, or leave the default");
            }
            return new PullJob(this);
        }
    }
}
