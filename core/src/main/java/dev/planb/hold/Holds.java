/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.hold;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.change.TableChange;
import dev.planb.internal.json.StoredJson;
import dev.planb.internal.pipeline.StoredObjects;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Layout.HoldRef;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.PlanName;
import dev.planb.spi.StoredObject;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holds on one destination. A hold is written once, as {@code <plan>/<backup-id>/hold-<hold-id>.json},
 * and released by writing {@code release-<hold-id>.json} beside it, never by rewriting or deleting it: so
 * holds work where nothing may be rewritten or deleted. Every {@link dev.planb.retention.Pruner} keeps a
 * backup with an active hold, and what it depends on. A hold object that cannot be read still holds its
 * backup (its key names it), until it is released.
 *
 * <pre>{@code
 * Holds holds = new Holds(destination);
 * holds.place("app", backupId, "before the 2.0 migration", Instant.now().plus(Duration.ofDays(30)));
 * holds.release("app", backupId, "migration went fine");
 * }</pre>
 */
public final class Holds {

    /** How long a hold lasts unless told otherwise. */
    public static final Duration DEFAULT_DURATION = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(Holds.class);
    /** Far more than any hold (they are bytes), so that a damaged one cannot exhaust memory. */
    private static final int MAX_HOLD_BYTES = 1024 * 1024;

    private final Destination destination;
    private final Clock clock;

    /**
     * Reads and writes the holds on a destination, placed and judged at the system's UTC time.
     *
     * @param destination where the backups and their holds are
     */
    public Holds(Destination destination) {
        this(destination, Clock.systemUTC());
    }

    /**
     * Reads and writes the holds on a destination, placed and judged at a clock's time.
     *
     * @param destination where the backups and their holds are
     * @param clock gives the time holds are placed and released at, e.g. a fixed clock in tests
     */
    public Holds(Destination destination, Clock clock) {
        this.destination = destination;
        this.clock = clock;
    }

    /**
     * Puts a backup on hold until {@code expiresAt} (or until released).
     *
     * @param plan the backup's plan
     * @param backup the backup to hold; it must be on this destination
     * @param reason why, for whoever lists the backups later
     * @param expiresAt when the hold ends by itself
     * @return the hold written
     * @throws PlanBException {@link ErrorCode#BACKUP_NOT_FOUND} when the backup is not here,
     *     {@link ErrorCode#INVALID_SETTING} for an empty reason or a past expiry,
     *     {@link ErrorCode#DESTINATION_FAILED} when the hold cannot be written
     */
    public Hold place(String plan, BackupId backup, String reason, Instant expiresAt) {
        return write(plan, backup, reason, expiresAt, Optional.empty(), List.of());
    }

    /**
     * Puts the last good backup on hold because {@code changedIn}, the backup after it, showed a destructive
     * change; the hold records the tables and their row counts. Unlike {@link #place}, the backup need not be on
     * this destination: on an outbox that a pull host empties, the hold is pulled to where the backup went.
     *
     * @param plan the backup's plan
     * @param backup the last good backup, to hold
     * @param changedIn the backup that showed the change
     * @param changes the tables that changed, with their row counts; they make the hold's reason
     * @param expiresAt when the hold ends by itself
     * @return the hold written
     * @throws PlanBException {@link ErrorCode#INVALID_SETTING} for a past expiry,
     *     {@link ErrorCode#DESTINATION_FAILED} when the hold cannot be written
     * @see #place(String, BackupId, String, Instant)
     */
    public Hold placeForChange(String plan, BackupId backup, BackupId changedIn, List<TableChange> changes,
            Instant expiresAt) {
        String reason = "destructive change in backup " + changedIn + ": " + String.join("; ",
                changes.stream().map(TableChange::describe).toList());
        return write(plan, backup, reason, expiresAt, Optional.of(changedIn), changes);
    }

    private Hold write(String plan, BackupId backup, String reason, Instant expiresAt, Optional<BackupId> changedIn,
            List<TableChange> changes) {
        PlanName.check(plan);
        Instant now = clock.instant();
        if (reason == null || reason.isBlank()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "A hold needs a reason: say why backup " + backup
                    + " must be kept (--reason TEXT)");
        }
        if (!expiresAt.isAfter(now)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "A hold on backup " + backup + " would expire at "
                    + expiresAt + ", which is not in the future: give a later expiry (--expires 30d)");
        }
        if (changedIn.isEmpty()) {
            new Catalog(destination).find(plan, backup.value()); // throws, naming the plan and what exists
        }
        BackupId id = BackupId.generate(now);
        HoldFile file = new HoldFile(HoldFile.FORMAT_VERSION, plan, backup.value(), id.value(), reason.strip(), now,
                expiresAt, changedIn.map(BackupId::value).orElse(null), changes);
        store(Layout.holdKey(plan, backup, id), file);
        LOG.info("Backup {} of plan '{}' on {} is held until {}: {}", backup, plan, destination.description(),
                expiresAt, file.reason());
        return new Hold(plan, backup, id, file.reason(), now, expiresAt, changedIn, changes, Optional.empty());
    }

    /**
     * Releases every active hold on a backup, by writing a release object beside each.
     *
     * @param plan the backup's plan
     * @param backup the held backup
     * @param reason why, recorded with the release; may be empty
     * @return the holds released
     * @throws PlanBException {@link ErrorCode#BACKUP_NOT_FOUND} when the backup has no active hold here,
     *     {@link ErrorCode#DESTINATION_FAILED} when a release cannot be written
     */
    public List<Hold> release(String plan, BackupId backup, String reason) {
        Instant now = clock.instant();
        List<Hold> active = list(plan).stream()
                .filter(hold -> hold.backupId().equals(backup) && hold.isActive(now)).toList();
        if (active.isEmpty()) {
            throw new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "Backup " + backup + " of plan '" + plan
                    + "' has no active hold on " + destination.description() + ": 'planb list' shows the holds (HOLD)");
        }
        List<Hold> released = new ArrayList<>();
        for (Hold hold : active) {
            store(Layout.releaseKey(plan, backup, hold.id()), new ReleaseFile(HoldFile.FORMAT_VERSION, plan,
                    backup.value(), hold.id().value(), now, reason == null ? "" : reason.strip()));
            released.add(new Hold(hold.plan(), hold.backupId(), hold.id(), hold.reason(), hold.createdAt(),
                    hold.expiresAt(), hold.changedIn(), hold.changes(), Optional.of(now)));
        }
        LOG.info("Released {} hold(s) on backup {} of plan '{}' on {}", released.size(), backup, plan,
                destination.description());
        return released;
    }

    /**
     * Lists every hold of a plan on this destination, active or not. A hold object that cannot be read is
     * listed as a hold that never expires (its key names the backup), so the backup stays kept until released.
     *
     * @param plan the plan's name
     * @return the holds, newest first
     */
    public List<Hold> list(String plan) {
        PlanName.check(plan);
        List<StoredObject> objects = StoredObjects.list(destination, plan + "/");
        Map<BackupId, HoldRef> releases = new HashMap<>();
        List<HoldRef> refs = new ArrayList<>();
        for (StoredObject object : objects) {
            Optional<HoldRef> ref = Layout.parseHoldKey(object.key()).filter(found -> found.backup().plan().equals(plan));
            if (ref.isEmpty()) {
                continue;
            }
            if (ref.get().release()) {
                releases.put(ref.get().holdId(), ref.get());
            } else {
                refs.add(ref.get());
            }
        }
        List<Hold> holds = new ArrayList<>();
        for (HoldRef ref : refs) {
            holds.add(read(ref, Optional.ofNullable(releases.get(ref.holdId())).map(this::releaseTime)));
        }
        holds.sort(Comparator.comparing(Hold::id).reversed());
        return holds;
    }

    /**
     * Lists the holds of a plan on this destination that keep their backup at a point in time.
     *
     * @param plan the plan's name
     * @param now the time to judge at
     * @return the active holds, newest first
     */
    public List<Hold> active(String plan, Instant now) {
        return list(plan).stream().filter(hold -> hold.isActive(now)).toList();
    }

    /** {@return the destination these holds are on} */
    public Destination destination() {
        return destination;
    }

    private Hold read(HoldRef ref, Optional<Instant> releasedAt) {
        String key = Layout.holdKey(ref.backup().plan(), ref.backup().id(), ref.holdId());
        try (InputStream in = destination.open(key)) {
            byte[] content = in.readNBytes(MAX_HOLD_BYTES + 1);
            if (content.length > MAX_HOLD_BYTES) {
                throw new IOException("larger than " + MAX_HOLD_BYTES + " bytes, which no hold is");
            }
            HoldFile file = StoredJson.mapper().readValue(content, HoldFile.class);
            if (file.expiresAt() == null || file.createdAt() == null || file.reason() == null) {
                throw new IOException("a field is missing");
            }
            return new Hold(ref.backup().plan(), ref.backup().id(), ref.holdId(), file.reason(), file.createdAt(),
                    file.expiresAt(), Optional.ofNullable(file.changedIn()).filter(BackupId::isValid).map(BackupId::new),
                    file.changes(), releasedAt);
        } catch (IOException | RuntimeException e) {
            // Its key names the backup: an unreadable hold still holds it, until released.
            LOG.warn("{}/{} cannot be read ({}): backup {} stays held until the hold is released", destination
                    .description(), key, Messages.firstLine(e), ref.backup().id());
            return new Hold(ref.backup().plan(), ref.backup().id(), ref.holdId(), "unreadable hold object " + key
                    + " (" + Messages.firstLine(e) + ")", ref.holdId().time(), Instant.MAX, Optional.empty(), List.of(),
                    releasedAt);
        }
    }

    /** When a hold was released, from its release object; a release that cannot be read still releases. */
    private Instant releaseTime(HoldRef release) {
        String key = Layout.releaseKey(release.backup().plan(), release.backup().id(), release.holdId());
        try (InputStream in = destination.open(key)) {
            ReleaseFile file = StoredJson.mapper().readValue(in.readNBytes(MAX_HOLD_BYTES), ReleaseFile.class);
            if (file.releasedAt() != null) {
                return file.releasedAt();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot read {}/{}: {}", destination.description(), key, Messages.firstLine(e));
        }
        return release.holdId().time();
    }

    private void store(String key, Object content) {
        try (ObjectWriter out = destination.create(key)) {
            out.write(StoredJson.mapper().writeValueAsBytes(content));
            out.commit();
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot write " + destination.description() + "/"
                    + key + ": " + Messages.firstLine(e), e);
        }
    }
}
