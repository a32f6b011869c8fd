/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.drill.RestoreVerifier;
import dev.planb.catalog.DamagedBackup;
import dev.planb.catalog.DamagedBackupException;
import dev.planb.spi.Manifest;
import dev.planb.event.BackupDamaged;
import dev.planb.event.CoverageWarning;
import dev.planb.event.VerificationFailed;
import dev.planb.event.VerificationStale;
import dev.planb.event.Verified;
import dev.planb.internal.Durations;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationPolicy;
import dev.planb.verify.VerificationRecord;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore drills of the runtime's plans: after each run of a plan with a
 * {@link VerificationPolicy}, drills its newest backup when the policy says one is due (judged
 * from the {@code verification-*.json} results on the plan's first destination, so every instance
 * agrees), reports {@code Verified}, {@code VerificationFailed} and {@code CoverageWarning}, and
 * flags the plan with {@code VerificationStale} when no drill passed within the policy's age.
 */
final class PlanDrills {

    private static final Logger LOG = LoggerFactory.getLogger(PlanDrills.class);

    private final Set<String> plannedDatabases = new LinkedHashSet<>();
    private final EventPublisher events;
    private final Clock clock;

    /** @param plans every plan of the runtime: their databases are not reported as missed */
    PlanDrills(List<BackupPlan> plans, EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
        for (BackupPlan plan : plans) {
            try {
                plan.engine().databaseName(plan.database()).ifPresent(plannedDatabases::add);
            } catch (PlanBException e) {
                LOG.debug("No database name for plan '{}': {}", plan.name(), e.getMessage());
            }
        }
    }

    /** Drills the plan's newest backup if its policy says a drill is due, then checks its staleness. */
    void runIfDue(BackupPlan plan) {
        Optional<VerificationPolicy> policy = plan.verification();
        if (policy.isEmpty()) {
            return;
        }
        Destination from = plan.destinations().get(0);
        VerificationLog log = new VerificationLog(from);
        try {
            Optional<VerificationRecord> lastDrill = log.newest(plan.name(), record -> record.restoredInto() != null);
            if (isDue(plan, policy.get(), from, lastDrill)) {
                drill(plan, policy.get(), from);
            }
            checkStale(plan, policy.get(), log);
        } catch (RuntimeException e) {
            LOG.warn("Restore drill of plan '{}' could not run: {}", plan.name(), Messages.firstLine(e));
            reportDamage(plan, from, e);
            newestBackup(plan, from).ifPresent(id -> events.publish(new VerificationFailed(plan.name(), clock.instant(),
                    id, List.of("restore drill could not run: " + Messages.firstLine(e)))));
        }
    }

    /** Publishes the damaged backup that stopped a drill, if that is what stopped it. */
    private void reportDamage(BackupPlan plan, Destination from, RuntimeException e) {
        if (e instanceof DamagedBackupException damage) {
            DamagedBackup damaged = damage.damaged();
            events.publish(new BackupDamaged(plan.name(), clock.instant(), from.description(), damaged.id(),
                    damaged.location() + " " + damaged.reason()));
        }
    }

    /** The backup a drill would have checked; empty when there is none, or the destination cannot be read. */
    private static Optional<BackupId> newestBackup(BackupPlan plan, Destination from) {
        try {
            return new Catalog(from).newest(plan.name(), Manifest::isDump).map(Manifest::id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Drills the plan's newest backup now, with the plan's checks (or none when it has no
     * verification policy), publishing {@code Verified} or {@code VerificationFailed}.
     */
    void drillNow(BackupPlan plan) {
        VerificationPolicy policy = plan.verification().orElseGet(() -> VerificationPolicy.everyNthBackup(1).build());
        try {
            drill(plan, policy, plan.destinations().get(0));
        } catch (RuntimeException e) {
            LOG.warn("Restore drill of plan '{}' failed: {}", plan.name(), Messages.firstLine(e));
            reportDamage(plan, plan.destinations().get(0), e);
            events.publish(new VerificationFailed(plan.name(), clock.instant(), null,
                    List.of("restore drill could not run: " + Messages.firstLine(e))));
        }
    }

    private boolean isDue(BackupPlan plan, VerificationPolicy policy, Destination from,
            Optional<VerificationRecord> lastDrill) {
        if (lastDrill.isEmpty()) {
            return new Catalog(from).newest(plan.name(), Manifest::isDump).isPresent(); // a drill restores a dump
        }
        if (policy.interval() != null) {
            return !Duration.between(lastDrill.get().finishedAt(), clock.instant()).minus(policy.interval()).isNegative();
        }
        BackupId drilled = new BackupId(lastDrill.get().backupId());
        long newer = new Catalog(from).backups(plan.name()).stream().filter(Manifest::isDump).map(Manifest::id)
                .filter(id -> id.compareTo(drilled) > 0).count();
        return newer >= policy.everyNthBackup();
    }

    private void drill(BackupPlan plan, VerificationPolicy policy, Destination from) {
        VerificationRequest request = VerificationRequest.builder()
                .plan(plan.name())
                .drillOn(policy.drillServer().orElse(plan.database()))
                .checks(policy.checks())
                .fingerprints(policy.fingerprintedTables())
                .liveDatabase(plan.database())
                .coveredDatabases(plannedDatabases)
                .engine(plan.engine())
                .build();
        VerificationResult result = new RestoreVerifier(from, policy.decryption(), clock).verify(request);
        Instant now = clock.instant();
        BackupId id = result.manifest().id();
        if (result.passed()) {
            events.publish(new Verified(plan.name(), now, result));
        } else {
            events.publish(new VerificationFailed(plan.name(), now, id, result.problems()));
        }
        if (!result.coverage().isEmpty()) {
            events.publish(new CoverageWarning(plan.name(), now, id, result.coverage()));
        }
    }

    private void checkStale(BackupPlan plan, VerificationPolicy policy, VerificationLog log) {
        Optional<Duration> maxAge = policy.staleAfter();
        if (maxAge.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Optional<Instant> lastPassed = log.newest(plan.name(), record -> record.passed() && record.restoredInto() != null)
                .map(VerificationRecord::finishedAt);
        if (lastPassed.isEmpty() || lastPassed.get().isBefore(now.minus(maxAge.get()))) {
            LOG.warn("Plan '{}' has no passing restore drill within {}", plan.name(), Durations.format(maxAge.get()));
            events.publish(new VerificationStale(plan.name(), now, lastPassed, maxAge.get()));
        }
    }
}
