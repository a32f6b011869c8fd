/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pull;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.internal.pipeline.StoredObjects;
import dev.planb.spi.Layout;
import dev.planb.spi.Layout.BackupRef;
import dev.planb.catalog.DamagedManifestException;
import dev.planb.spi.Manifest;
import dev.planb.catalog.ManifestReader;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import dev.planb.event.PullFailed;
import dev.planb.event.Pulled;
import dev.planb.pull.PulledBackup.Outcome;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout.BackupRef;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import dev.planb.spi.support.Json;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of a {@link PullJob}: list, copy what each destination lacks, report every backup. */
final class PullRun {

    private static final Logger LOG = LoggerFactory.getLogger(PullRun.class);

    private final Destination source;
    private final List<Destination> targets;
    private final Optional<String> plan;
    private final boolean removeCopied;
    private final PlanBListener listener;
    private final Clock clock = Clock.systemUTC();
    /** More than any hold or release object (they are bytes). */
    private static final int MAX_HOLD_BYTES = 1024 * 1024;

    PullRun(PullJob job, PlanBListener listener) {
        this.source = job.source();
        this.targets = job.targets();
        this.plan = job.plan();
        this.removeCopied = job.removeCopied();
        this.listener = listener;
    }

    PullResult execute() {
        if (removeCopied && !source.canDelete()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, source.description() + " refuses deletes, so copied "
                    + "backups cannot be removed from it: run the pull without remove-copied");
        }
        List<StoredObject> onSource = StoredObjects.list(source, plan.map(name -> name + "/").orElse(""));
        List<BackupRef> backups = backupsOn(onSource);
        Map<Destination, Set<String>> present = new LinkedHashMap<>();
        for (Destination target : targets) {
            present.put(target, keys(target));
        }
        copyHolds(onSource, present); // first: a pruner on a destination must see a hold before it sees the backup
        LOG.info("Pull from {} to {}: {} backup(s) on the source", source.description(),
                targets.stream().map(Destination::description).collect(Collectors.joining(", ")), backups.size());
        List<PulledBackup> outcomes = new ArrayList<>();
        BackupCopier copier = new BackupCopier(source);
        for (BackupRef ref : backups) {
            pull(ref, present, copier).ifPresent(outcomes::add);
        }
        PullResult result = new PullResult(outcomes);
        LOG.info("Pull from {} finished: {} copied, {} already present, {} failed", source.description(),
                result.copied().size(), outcomes.stream().filter(o -> o.outcome() == Outcome.ALREADY_PRESENT).count(),
                result.failures().size());
        return result;
    }

    private Optional<PulledBackup> pull(BackupRef ref, Map<Destination, Set<String>> present, BackupCopier copier) {
        String manifestKey = Layout.manifestKey(ref.plan(), ref.id());
        byte[] manifestBytes;
        Manifest manifest;
        try (InputStream in = source.open(manifestKey)) {
            manifestBytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since the listing: nothing to copy
        } catch (IOException | RuntimeException e) {
            return Optional.of(failed(ref, ErrorCode.DESTINATION_FAILED, "Cannot read " + source.description() + "/"
                    + manifestKey + ": " + Messages.firstLine(e)));
        }
        try {
            manifest = ManifestReader.read(manifestBytes, source.description() + "/" + manifestKey);
        } catch (DamagedManifestException e) {
            LOG.debug("Cannot parse {}/{}", source.description(), manifestKey, e);
            return Optional.of(failed(ref, ErrorCode.DAMAGED_BACKUP, source.description() + "/" + manifestKey
                    + " is DAMAGED (" + e.getMessage() + "): backup " + ref.id() + " was not copied"));
        } catch (RuntimeException e) {
            return Optional.of(failed(ref, ErrorCode.CORRUPT_BACKUP, source.description() + "/" + manifestKey
                    + " cannot be read (" + Messages.firstLine(e) + "): backup " + ref.id() + " was not copied"));
        }
        List<Destination> lacking = targets.stream().filter(target -> !present.get(target).contains(manifestKey)).toList();
        if (!lacking.isEmpty()) {
            Map<Destination, String> failures;
            try {
                failures = copier.copy(manifest, manifestBytes, lacking);
            } catch (PlanBException e) {
                return Optional.of(failed(ref, e.code(), e.getMessage()));
            }
            if (!failures.isEmpty()) {
                return Optional.of(failed(ref, ErrorCode.DESTINATION_FAILED, "Backup " + ref.id() + " of plan '"
                        + ref.plan() + "' could not be stored on " + failures.entrySet().stream()
                                .map(entry -> entry.getKey().description() + ": " + entry.getValue())
                                .collect(Collectors.joining("; "))));
            }
            lacking.forEach(target -> present.get(target).add(manifestKey));
        }
        boolean removed = false;
        if (removeCopied) {
            Optional<String> problem = checkCopies(manifest, targets.stream().filter(t -> !lacking.contains(t)).toList());
            if (problem.isPresent()) {
                return Optional.of(failed(ref, ErrorCode.CORRUPT_BACKUP, problem.get()
                        + ": backup " + ref.id() + " stays on " + source.description()));
            }
            removed = removeFromSource(manifest);
        }
        Outcome outcome = lacking.isEmpty() ? Outcome.ALREADY_PRESENT : Outcome.COPIED;
        if (outcome == Outcome.COPIED) {
            LOG.info("Pulled backup {} of plan '{}' ({} bytes) to {}{}", ref.id(), ref.plan(), manifest.storedBytes(),
                    lacking.stream().map(Destination::description).collect(Collectors.joining(", ")),
                    removed ? ", removed from the source" : "");
            emit(new Pulled(ref.plan(), clock.instant(), ref.id(), source.description(),
                    lacking.stream().map(Destination::description).toList(), manifest.storedBytes(), removed));
        } else if (removed) {
            LOG.info("Backup {} of plan '{}' was already on every destination: removed from the source", ref.id(),
                    ref.plan());
        }
        return Optional.of(new PulledBackup(ref.plan(), ref.id(), outcome, "", removed));
    }

    /**
     * Before the source's copy goes, each destination that had the backup before this run must
     * hold the same artifacts, intact: they are read back and checked.
     */
    private Optional<String> checkCopies(Manifest manifest, List<Destination> earlier) {
        for (Destination target : earlier) {
            Catalog catalog = new Catalog(target);
            try {
                Manifest copy = catalog.find(manifest.plan(), manifest.backupId());
                if (!copy.artifacts().equals(manifest.artifacts())) {
                    return Optional.of(target.description() + " holds a different backup with id " + manifest.backupId());
                }
                for (Artifact artifact : copy.artifacts()) {
                    try (var in = catalog.openStored(copy, artifact)) {
                        in.readToEndAndVerify();
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.of("The copy on " + target.description() + " does not verify ("
                        + Messages.firstLine(e) + ")");
            }
        }
        return Optional.empty();
    }

    /** Removes the manifest first, so the backup stops existing at once, then the rest of its folder. */
    private boolean removeFromSource(Manifest manifest) {
        String folder = Layout.backupFolder(manifest.plan(), manifest.id());
        try {
            source.delete(Layout.manifestKey(manifest.plan(), manifest.id()));
            for (StoredObject object : source.list(folder)) {
                source.delete(object.key());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Backup {} of plan '{}' is copied but could not be removed from {}: {}", manifest.backupId(),
                    manifest.plan(), source.description(), Messages.firstLine(e));
            return false;
        }
    }

    private PulledBackup failed(BackupRef ref, ErrorCode code, String message) {
        LOG.warn("Pull of backup {} of plan '{}' from {} failed: {}", ref.id(), ref.plan(), source.description(), message);
        emit(new PullFailed(ref.plan(), clock.instant(), Optional.of(ref.id()), source.description(), code,
                message));
        Outcome outcome = code == ErrorCode.CORRUPT_BACKUP || code == ErrorCode.DAMAGED_BACKUP ? Outcome.CORRUPT
                : Outcome.FAILED;
        return new PulledBackup(ref.plan(), ref.id(), outcome, message, false);
    }

    /**
     * Copies the holds and releases ({@link Layout#parseHoldKey}) each destination lacks, so its pruner keeps what
     * production held. Small objects, each written once; one that cannot be copied is logged and tried again by the
     * next pull.
     */
    private void copyHolds(List<StoredObject> onSource, Map<Destination, Set<String>> present) {
        for (StoredObject object : onSource) {
            if (Layout.parseHoldKey(object.key()).isEmpty() || object.size() > MAX_HOLD_BYTES) {
                continue;
            }
            List<Destination> lacking = targets.stream().filter(target -> !present.get(target).contains(object.key()))
                    .toList();
            if (lacking.isEmpty()) {
                continue;
            }
            byte[] content;
            try (InputStream in = source.open(object.key())) {
                content = in.readNBytes(MAX_HOLD_BYTES);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot read {}/{}: {}", source.description(), object.key(), Messages.firstLine(e));
                continue;
            }
            for (Destination target : lacking) {
                try (ObjectWriter out = target.create(object.key())) {
                    out.write(content);
                    out.commit();
                    present.get(target).add(object.key());
                    LOG.info("Pulled {} from {} to {}", object.key(), source.description(), target.description());
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Cannot copy {} from {} to {}: {}", object.key(), source.description(),
                            target.description(), Messages.firstLine(e));
                }
            }
        }
    }

    private static List<BackupRef> backupsOn(List<StoredObject> onSource) {
        List<BackupRef> refs = new ArrayList<>();
        for (StoredObject object : onSource) {
            Layout.parseManifestKey(object.key()).ifPresent(refs::add);
        }
        refs.sort(Comparator.comparing((BackupRef ref) -> ref.id().value()).thenComparing(BackupRef::plan));
        return refs;
    }

    private Set<String> keys(Destination target) {
        Set<String> keys = new HashSet<>();
        StoredObjects.list(target, plan.map(name -> name + "/").orElse("")).forEach(object -> keys.add(object.key()));
        return keys;
    }

    private void emit(PlanBEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A PlanB listener failed on {}: {}", event.getClass().getSimpleName(), Messages.firstLine(e), e);
        }
    }
}
