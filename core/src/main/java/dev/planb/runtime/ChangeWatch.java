/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DestinationResult;
import dev.planb.catalog.Catalog;
import dev.planb.change.ChangeDetector;
import dev.planb.change.DestructiveChangePolicy;
import dev.planb.change.TableChange;
import dev.planb.event.DestructiveChange;
import dev.planb.hold.Holds;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each backup (before retention runs): compares the new backup's row counts with the previous good
 * backup of the plan, read from the first destination that can be read, and on a destructive change holds
 * that previous backup on every destination of the plan (also where a pull host already took it: the hold is
 * pulled after it) and reports the change.
 */
final class ChangeWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);

    private final BackupPlan plan;
    private final Clock clock;

    ChangeWatch(BackupPlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
    }

    /** The destructive change the new backup shows, with the holds placed; empty when there is none. */
    Optional<DestructiveChange> check(BackupResult result) {
        DestructiveChangePolicy policy = plan.destructiveChange();
        Manifest latest = result.manifest();
        if (!policy.enabled() || !latest.isDump()) {
            return Optional.empty();
        }
        Optional<Manifest> previous = previous(result);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        List<TableChange> changes = new ChangeDetector(policy).compare(previous.get(), latest);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<String> heldOn = new ArrayList<>();
        Optional<Instant> heldUntil = Optional.empty();
        if (!policy.hold().isZero()) {
            Instant until = now.plus(policy.hold());
            heldUntil = Optional.of(until);
            for (Destination destination : plan.destinations()) {
                if (hold(destination, previous.get(), latest, changes, until)) {
                    heldOn.add(destination.description());
                }
            }
        }
        // The log notifier logs the event.
        return Optional.of(new DestructiveChange(plan.name(), now, latest.id(), previous.get().id(), changes, heldOn,
                heldOn.isEmpty() ? Optional.empty() : heldUntil));
    }

    /** The previous good backup, from the first destination (that stored the new one) that can be read. */
    private Optional<Manifest> previous(BackupResult result) {
        for (DestinationResult stored : result.destinations()) {
            if (!stored.succeeded()) {
                continue;
            }
            Optional<Destination> destination = plan.destinations().stream()
                    .filter(candidate -> candidate.description().equals(stored.destination())).findFirst();
            if (destination.isEmpty()) {
                continue;
            }
            try {
                return ChangeDetector.previous(new Catalog(destination.get()), result.manifest());
            } catch (RuntimeException e) {
                LOG.debug("Plan '{}': cannot read the previous backup on {}: {}", plan.name(), stored.destination(),
                        Messages.firstLine(e));
            }
        }
        return Optional.empty();
    }

    private boolean hold(Destination destination, Manifest previous, Manifest latest, List<TableChange> changes,
            Instant until) {
        try {
            new Holds(destination, clock).placeForChange(plan.name(), previous.id(), latest.id(), changes, until);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Plan '{}': cannot hold backup {} on {}: {}", plan.name(), previous.id(), destination.description(),
                    Messages.firstLine(e));
            return false;
        }
    }
}
