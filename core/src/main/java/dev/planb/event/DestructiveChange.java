/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.change.TableChange;
import dev.planb.spi.BackupId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A new backup shows a destructive change against the plan's previous good backup: tables dropped, or
 * emptied beyond the plan's {@link dev.planb.change.DestructiveChangePolicy}. Often a {@code DELETE}
 * without {@code WHERE}, a dropped table or a bad migration: the previous backup is the last one from
 * before it, and is put on hold so retention keeps it. Notified as an alert.
 *
 * @param plan the plan's name
 * @param time when it was detected
 * @param backupId the new backup, which contains the change
 * @param previousId the previous good backup it was compared with: the last one from before the change
 * @param tables the tables that changed, with their row counts before and after
 * @param heldOn the destinations on which the previous backup was put on hold (empty when the plan holds nothing)
 * @param heldUntil until when it is held, when it is
 */
public record DestructiveChange(String plan, Instant time, BackupId backupId, BackupId previousId,
        List<TableChange> tables, List<String> heldOn, Optional<Instant> heldUntil) implements PlanBEvent {

    /**
     * Copies the lists, so the event cannot change.
     *
     * @param plan the plan's name
     * @param time when it was detected
     * @param backupId the new backup, which contains the change
     * @param previousId the previous good backup it was compared with
     * @param tables the tables that changed, with their row counts before and after
     * @param heldOn the destinations on which the previous backup was put on hold
     * @param heldUntil until when it is held, when it is
     */
    public DestructiveChange {
        tables = List.copyOf(tables);
        heldOn = List.copyOf(heldOn);
    }

    /**
     * {@return the tables and counts in one line, e.g. {@code orders: 12000 -> 0 rows (-100.0%); items: 70 rows -> DROPPED}}
     */
    public String describeTables() {
        return String.join("; ", tables.stream().map(TableChange::describe).toList());
    }
}
