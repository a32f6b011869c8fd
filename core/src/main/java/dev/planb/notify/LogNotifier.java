/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.Progress;
import dev.planb.event.BackupDamaged;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupProgress;
import dev.planb.event.BackupSkipped;
import dev.planb.event.BackupStale;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.CoverageWarning;
import dev.planb.event.DestinationFailed;
import dev.planb.event.DestructiveChange;
import dev.planb.event.LogStreamProblem;
import dev.planb.event.PlanBEvent;
import dev.planb.event.Pruned;
import dev.planb.event.PullFailed;
import dev.planb.event.Pulled;
import dev.planb.event.VerificationFailed;
import dev.planb.event.VerificationStale;
import dev.planb.event.Verified;
import dev.planb.internal.Durations;
import dev.planb.spi.support.Sizes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every event to the SLF4J logger {@code dev.planb.notify.LogNotifier}: INFO for a
 * backup stored, pruned, verified or pulled, WARN for a stale plan, ERROR for a failed backup,
 * verification or pull and a destructive change, DEBUG for starts, progress, skipped ticks and destination failures (the backup run
 * itself logs those at INFO and WARN). Always on: the runtime registers it for every plan. Logs
 * synchronously, without flood control, so the log is the complete record.
 */
public final class LogNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

    /** A notifier that logs; the runtime makes one for all plans, so applications rarely need another. */
    public LogNotifier() {
    }


    @Override
    public void onEvent(PlanBEvent event) {
        String plan = event.plan();
        if (event instanceof BackupStarted started) {
            LOG.debug("Plan '{}': backup {} started", plan, started.backupId());
        } else if (event instanceof BackupProgress progress) {
            Progress now = progress.progress();
            LOG.debug("Plan '{}': {} read, {} stored, {}/s", plan, Sizes.format(now.databaseBytes()),
                    Sizes.format(now.storedBytes()), Sizes.format((long) now.bytesPerSecond()));
        } else if (event instanceof BackupSucceeded succeeded) {
            LOG.info("Plan '{}': backup {} stored on {} of {} destination(s), {} in {}", plan,
                    succeeded.result().id(), succeeded.result().destinations().size()
                            - succeeded.result().failures().size(), succeeded.result().destinations().size(),
                    Sizes.format(succeeded.result().manifest().storedBytes()), Durations.format(succeeded.duration()));
            succeeded.result().warnings().forEach(warning -> LOG.warn("Plan '{}': backup {}: {}", plan,
                    succeeded.result().id(), warning));
        } else if (event instanceof BackupFailed failed) {
            LOG.error("Plan '{}': backup FAILED after {} ({}): {}", plan, Durations.format(failed.duration()),
                    failed.code(), failed.message());
        } else if (event instanceof DestinationFailed failed) {
            LOG.debug("Plan '{}': destination {} did not get backup {}: {}", plan, failed.destination(),
                    failed.backupId(), failed.message());
        } else if (event instanceof BackupStale stale) {
            LOG.warn("Plan '{}': STALE: no successful backup {} (max age {})", plan,
                    stale.lastSuccess().map(last -> "for " + Durations.format(Duration.between(last, stale.time())))
                            .orElse("yet"), Durations.format(stale.maxAge()));
        } else if (event instanceof Pruned pruned) {
            LOG.info("Plan '{}': pruned {} backup(s) on {}, kept {}{}", plan, pruned.deleted().size(),
                    pruned.destination(), pruned.kept(), pruned.problems().isEmpty() ? ""
                            : "; not deleted: " + String.join("; ", pruned.problems()));
        } else if (event instanceof Verified verified) {
            LOG.info("Plan '{}': backup {} verified{}", plan, verified.result().manifest().backupId(),
                    verified.result().recovery().map(time -> ", restored in " + Durations.format(time)).orElse(""));
        } else if (event instanceof CoverageWarning coverage) {
            coverage.findings().forEach(finding -> LOG.warn("Plan '{}': coverage: {}", plan, finding.message()));
        } else if (event instanceof VerificationStale stale) {
            LOG.warn("Plan '{}': VERIFICATION STALE: no passing restore drill {} (max age {})", plan,
                    stale.lastPassed().map(last -> "for " + Durations.format(Duration.between(last, stale.time())))
                            .orElse("yet"), Durations.format(stale.maxAge()));
        } else if (event instanceof VerificationFailed failed) {
            LOG.error("Plan '{}': backup {} FAILED verification: {}", plan, failed.backupId(),
                    String.join("; ", failed.problems()));
        } else if (event instanceof Pulled pulled) {
            LOG.info("Plan '{}': pulled backup {} from {} to {}", plan, pulled.backupId(), pulled.from(), pulled.to());
        } else if (event instanceof PullFailed failed) {
            LOG.error("Plan '{}': pull of backup {} from {} FAILED ({}): {}", plan, failed.backupId(), failed.from(),
                    failed.code(), failed.message());
        } else if (event instanceof BackupDamaged damaged) {
            LOG.error("Plan '{}': backup {} on {} is DAMAGED: {}", plan, damaged.backupId(), damaged.destination(),
                    damaged.reason());
        } else if (event instanceof LogStreamProblem problem) {
            LOG.error("Plan '{}': log shipping problem ({}): {}", plan, problem.problem(), problem.message());
        } else if (event instanceof DestructiveChange change) {
            LOG.error("Plan '{}': DESTRUCTIVE CHANGE in backup {} against backup {}: {}; {}", plan, change.backupId(),
                    change.previousId(), change.describeTables(), change.heldUntil().map(until -> "backup "
                            + change.previousId() + " is held until " + until).orElse("nothing was held"));
        } else if (event instanceof BackupSkipped skipped) {
            LOG.debug("Plan '{}': tick at {} skipped: {}", plan, skipped.tick(), skipped.message());
        }
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "Notifier[log]";
    }
}
