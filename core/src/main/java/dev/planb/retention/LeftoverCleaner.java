/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.BackupId;
import dev.planb.spi.Layout;
import dev.planb.spi.PlanName;
import dev.planb.retention.Leftover.Kind;
import dev.planb.retention.Leftover.Outcome;
import dev.planb.spi.Destination;
import dev.planb.spi.IncompleteWrite;
import dev.planb.spi.StoredObject;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what interrupted runs ({@code kill -9}, power loss, a lost connection) left on a destination: backup
 * folders that never got their manifest, and incomplete writes (hidden partial files, unfinished multipart
 * uploads). Every run marks what it creates with its backup id, which holds the run's start time, so only
 * what is older than {@code startedBefore} is touched, which a caller sets to now minus the plan's timeout:
 * a run still going may own anything newer. A folder with a manifest is never touched, whatever its state.
 *
 * <pre>{@code
 * CleanupReport report = new LeftoverCleaner(destination).clean("app", Instant.now().minus(plan.timeout()), false);
 * }</pre>
 */
public final class LeftoverCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverCleaner.class);

    private final Destination destination;

    /**
     * A cleaner for one destination.
     *
     * @param destination where to look for leftovers; removing them needs delete permission there
     */
    public LeftoverCleaner(Destination destination) {
        this.destination = destination;
    }

    /**
     * Finds and (unless {@code dryRun}) removes the leftovers of runs started before {@code startedBefore}.
     *
     * @param plan the plan whose folder to clean, or {@code null} for every plan on the destination
     * @param startedBefore only leftovers of runs started (or writes last written) before this are touched: now
     *     minus the plan's timeout, so that a run still going keeps its files
     * @param dryRun {@code true} to only report what would be removed
     * @return what was found and what was done with each; a leftover that could not be removed is reported,
     *     not thrown
     * @throws PlanBException {@link ErrorCode#DESTINATION_FAILED} if the destination cannot be listed
     */
    public CleanupReport clean(String plan, Instant startedBefore, boolean dryRun) {
        String prefix = plan == null ? "" : plan + "/";
        List<Leftover> leftovers = new ArrayList<>();
        try {
            for (Map.Entry<String, List<StoredObject>> folder : foldersWithoutManifest(prefix).entrySet()) {
                Instant started = new BackupId(folder.getKey().split("/")[1]).time();
                if (started.isBefore(startedBefore)) {
                    leftovers.add(removeFolder(folder.getKey() + "/", folder.getValue(), started, dryRun));
                }
            }
            for (IncompleteWrite write : destination.incompleteWrites(prefix)) {
                if (write.lastWritten().isBefore(startedBefore)) {
                    leftovers.add(discard(write, dryRun));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot look for leftovers on "
                    + destination.description() + ": " + Messages.firstLine(e), e);
        }
        return new CleanupReport(destination.description(), dryRun, leftovers);
    }

    /** The backup folders ({@code plan/id}) under {@code prefix} with no manifest, each with its objects. */
    private Map<String, List<StoredObject>> foldersWithoutManifest(String prefix) throws IOException {
        Map<String, List<StoredObject>> folders = new TreeMap<>();
        List<String> committed = new ArrayList<>();
        for (StoredObject object : destination.list(prefix)) {
            String[] parts = object.key().split("/");
            if (parts.length < 3 || !PlanName.isValid(parts[0]) || !BackupId.isValid(parts[1])
                    || Layout.parseHoldKey(object.key()).isPresent()) {
                continue; // a hold may wait for a backup a pull host took away: it is no leftover
            }
            String folder = parts[0] + "/" + parts[1];
            folders.computeIfAbsent(folder, name -> new ArrayList<>()).add(object);
            if (parts.length == 3 && parts[2].equals(Layout.MANIFEST)) {
                committed.add(folder);
            }
        }
        committed.forEach(folders::remove);
        return folders;
    }

    private Leftover removeFolder(String folder, List<StoredObject> objects, Instant started, boolean dryRun) {
        long bytes = objects.stream().mapToLong(StoredObject::size).sum();
        if (dryRun) {
            return new Leftover(Kind.INCOMPLETE_BACKUP, folder, bytes, started, Outcome.WOULD_REMOVE, "");
        }
        try {
            for (StoredObject object : objects) {
                destination.delete(object.key());
            }
        } catch (IOException | RuntimeException e) {
            return refused(Kind.INCOMPLETE_BACKUP, folder, bytes, started, e);
        }
        LOG.info("Removed {} on {}: a backup folder without manifest ({} bytes) of a run that never finished", folder,
                destination.description(), bytes);
        return new Leftover(Kind.INCOMPLETE_BACKUP, folder, bytes, started, Outcome.REMOVED, "");
    }

    private Leftover discard(IncompleteWrite write, boolean dryRun) {
        if (dryRun) {
            return new Leftover(Kind.INCOMPLETE_WRITE, write.key(), write.size(), write.lastWritten(),
                    Outcome.WOULD_REMOVE, "");
        }
        try {
            destination.discard(write);
        } catch (IOException | RuntimeException e) {
            return refused(Kind.INCOMPLETE_WRITE, write.key(), write.size(), write.lastWritten(), e);
        }
        LOG.info("Removed an unfinished write of {} on {}", write.key(), destination.description());
        return new Leftover(Kind.INCOMPLETE_WRITE, write.key(), write.size(), write.lastWritten(), Outcome.REMOVED, "");
    }

    private Leftover refused(Kind kind, String location, long bytes, Instant time, Exception e) {
        boolean notPermitted = e instanceof PlanBException planb && planb.code() == ErrorCode.DELETE_NOT_PERMITTED;
        LOG.warn("Cannot remove {} on {}: {}", location, destination.description(), Messages.firstLine(e));
        return new Leftover(kind, location, bytes, time, notPermitted ? Outcome.NOT_PERMITTED : Outcome.FAILED,
                Messages.firstLine(e));
    }
}
