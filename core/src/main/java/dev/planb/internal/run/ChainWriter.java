/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.run;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.ProgressListener;
import dev.planb.catalog.ManifestWriter;
import dev.planb.internal.Version;
import dev.planb.internal.pipeline.ArtifactPipeline;
import dev.planb.internal.pipeline.StoredObjects;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stores one part of a point-in-time chain (its first backup, or one log file) on some of a plan's
 * destinations, with the layout of every backup: the file through the {@link ArtifactPipeline}, then
 * {@code RESTORE.md}, then the manifest last.
 */
public final class ChainWriter {

    private final BackupPlan plan;
    private final PointInTimeEngine engine;
    private final Clock clock;

    /** Writes parts of {@code plan}'s chains. */
    public ChainWriter(BackupPlan plan, PointInTimeEngine engine, Clock clock) {
        this.plan = plan;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * What one part's content is.
     *
     * @param <R> what writing it reports
     */
    public interface Part<R> extends ArtifactPipeline.Content<R> {
        /** The manifest's engine details, once the content is written. */
        EngineInfo engineInfo(R written);

        /** The tables and row counts, once the content is written (empty for log files). */
        List<TableCount> tables(R written);

        /** Where the part sits in the log, once the content is written. */
        LogInfo log(R written);
    }

    /**
     * A stored part.
     *
     * @param manifest its manifest
     * @param content what writing it reported
     * @param failures the destinations that did not get it, with the reason
     */
    public record Stored<R>(Manifest manifest, R content, Map<Destination, String> failures) {
    }

    /**
     * Stores a part on {@code destinations}.
     *
     * @param fileName the file's name before compression and encryption
     * @param kind the manifest's kind
     * @param parentId the chain's first backup for a log file, or {@code null}
     * @throws PlanBException when the content fails or no destination could store it
     */
    public <R> Stored<R> write(List<Destination> destinations, String fileName, String kind, String parentId,
            long expectedSize, Part<R> part) {
        Instant startedAt = clock.instant();
        BackupId id = BackupId.generate(startedAt);
        ArtifactPipeline pipeline = new ArtifactPipeline(plan.name(), id, plan.compression(), plan.encryption(),
                destinations, ProgressListener.NONE);
        ArtifactPipeline.Stored<R> stored = pipeline.write(fileName, expectedSize, part,
                e -> new PlanBException(ErrorCode.DUMP_FAILED, "Log shipping of plan '" + plan.name() + "' failed while"
                        + " reading " + fileName + ": " + ArtifactPipeline.describe(e), e));
        R content = stored.content();
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, plan.name(), id.value(), kind, parentId,
                part.engineInfo(content), plan.database().redactedUrl(), startedAt, clock.instant(), pipeline.artifacts(),
                part.tables(content), Version.current(), List.of(), List.of(), part.log(content));
        for (Destination destination : pipeline.healthy()) {
            try {
                byte[] guide = RestoreGuide.renderChainPart(manifest, engine, destination.description())
                        .getBytes(StandardCharsets.UTF_8);
                pipeline.warn(destination, StoredObjects.write(destination, Layout.key(plan.name(), id,
                        Layout.RESTORE_GUIDE), guide));
                pipeline.warn(destination, StoredObjects.write(destination, Layout.manifestKey(plan.name(), id),
                        ManifestWriter.write(manifest)));
            } catch (IOException | RuntimeException e) {
                pipeline.fail(destination, ArtifactPipeline.describe(e));
            }
        }
        if (pipeline.healthy().isEmpty()) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Log shipping of plan '" + plan.name()
                    + "': no destination could store " + fileName + ": " + pipeline.failures().values());
        }
        return new Stored<>(manifest, content, pipeline.failures());
    }
}
