/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.run;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.ProgressListener;
import dev.planb.catalog.ManifestWriter;
import dev.planb.files.DirectorySource;
import dev.planb.files.internal.FilesBackup;
import dev.planb.internal.Version;
import dev.planb.internal.pipeline.ArtifactPipeline;
import dev.planb.internal.pipeline.CancellableOutputStream;
import dev.planb.internal.pipeline.RunControl;
import dev.planb.internal.pipeline.StoredObjects;
import dev.planb.spi.BackupId;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import dev.planb.spi.DumpResult;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backup run: dump once and write the dump through the {@link ArtifactPipeline} (compressed,
 * checksummed, to every destination at once); then, per destination, write {@code RESTORE.md} and
 * the manifest last. A destination that fails is cleaned up and reported; the others are not
 * affected.
 */
public final class BackupRun {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRun.class);

    private final BackupPlan plan;
    private final ProgressListener progress;
    private final Clock clock;
    private final RunControl control;
    private final String label;

    /** Prepares a run of {@code plan}. */
    public BackupRun(BackupPlan plan, ProgressListener progress, Clock clock) {
        this(plan, progress, clock, RunControl.none(), null);
    }

    /**
     * Prepares a run of {@code plan} that {@code control} can cancel until it writes its manifests.
     *
     * @param label recorded in the manifest ({@link Manifest#label()}), or {@code null}
     */
    public BackupRun(BackupPlan plan, ProgressListener progress, Clock clock, RunControl control, String label) {
        this.plan = plan;
        this.progress = progress;
        this.clock = clock;
        this.control = control;
        this.label = Manifest.checkLabel(label);
    }

    /** Runs the backup; see {@link dev.planb.PlanB#backup(BackupPlan)}. */
    public BackupResult execute() {
        DatabaseEngine engine = plan.engine();
        engine.checkReadable(plan.database());
        plan.files().forEach(source -> FilesBackup.checkReadable(plan.name(), source));
        Instant startedAt = clock.instant();
        BackupId id = BackupId.generate(startedAt);
        LOG.info("Backup {} of plan '{}' started: {} to {} destination(s)", id, plan.name(),
                plan.database().redactedUrl(), plan.destinations().size());
        control.started(id);

        ArtifactPipeline pipeline = new ArtifactPipeline(plan.name(), id, plan.compression(), plan.encryption(), plan.destinations(),
                progress);
        ArtifactPipeline.Stored<DumpResult> dump = pipeline.write(engine.dumpFileName(),
                engine.estimateDumpSize(plan.database()),
                out -> engine.dump(plan.database(), new CancellableOutputStream(out, control)),
                e -> control.cancellation().orElseGet(() -> new PlanBException(ErrorCode.DUMP_FAILED, "Backup of plan '"
                        + plan.name() + "' failed while dumping " + plan.database().redactedUrl() + ": "
                        + ArtifactPipeline.describe(e), e)));
        List<FileSet> files = new ArrayList<>();
        FilesBackup filesBackup = new FilesBackup(plan.name(), id.value(), plan.destinations(), control);
        try {
            for (DirectorySource source : plan.files()) {
                files.add(filesBackup.write(source, pipeline));
            }
        } catch (RuntimeException e) {
            pipeline.discardAll();
            throw e;
        }
        Instant finishedAt = clock.instant();

        Artifact artifact = dump.artifact();
        DumpResult dumped = dump.content();
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, plan.name(), id.value(), Manifest.KIND_FULL, null,
                new EngineInfo(engine.name(), dumped.serverVersion(), dumped.dumpTool(), dumped.dumpToolVersion(),
                        dumped.omitted()),
                plan.database().redactedUrl(), startedAt, finishedAt, pipeline.artifacts(), dumped.tables(),
                Version.current(), files, filesBackup.needs(), null, label);

        try {
            control.beginCommit();
        } catch (PlanBException cancelled) {
            pipeline.discardAll();
            throw cancelled;
        }
        for (Destination destination : pipeline.healthy()) {
            try {
                complete(destination, manifest, engine, pipeline);
            } catch (IOException | RuntimeException e) {
                pipeline.fail(destination, ArtifactPipeline.describe(e));
            }
        }
        Map<Destination, String> failures = pipeline.failures();
        List<DestinationResult> results = new ArrayList<>();
        for (Destination destination : plan.destinations()) {
            String failure = failures.get(destination);
            if (failure == null) {
                List<String> warnings = pipeline.warnings(destination);
                warnings.forEach(warning -> LOG.warn("Backup {} of plan '{}' on {}: {}", id, plan.name(),
                        destination.description(), warning));
                results.add(DestinationResult.succeeded(destination.description(), warnings));
            } else {
                LOG.warn("Backup {} of plan '{}' failed on {}: {}", id, plan.name(), destination.description(), failure);
                results.add(DestinationResult.failed(destination.description(), failure));
            }
        }
        if (results.stream().noneMatch(DestinationResult::succeeded)) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Backup of plan '" + plan.name()
                    + "' failed: no destination could store it: " + summary(results));
        }
        LOG.info("Backup {} of plan '{}' finished: {} bytes stored ({} dumped) on {} of {} destination(s)", id,
                plan.name(), manifest.storedBytes(), artifact.dumpSize(),
                results.stream().filter(DestinationResult::succeeded).count(), results.size());
        return new BackupResult(manifest, results);
    }

    /** Writes the guide, then the manifest: the manifest's presence means "complete". */
    private static void complete(Destination destination, Manifest manifest, DatabaseEngine engine,
            ArtifactPipeline pipeline) throws IOException {
        BackupId id = manifest.id();
        pipeline.warn(destination, StoredObjects.write(destination, Layout.key(manifest.plan(), id, Layout.RESTORE_GUIDE),
                RestoreGuide.render(manifest, engine, destination.description()).getBytes(StandardCharsets.UTF_8)));
        pipeline.warn(destination, StoredObjects.write(destination, Layout.manifestKey(manifest.plan(), id),
                ManifestWriter.write(manifest)));
    }

    private static String summary(List<DestinationResult> results) {
        return results.stream().map(result -> result.destination() + ": " + result.error())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }
}
