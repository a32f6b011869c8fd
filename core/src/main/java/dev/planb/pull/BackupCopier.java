/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pull;

import dev.planb.Compression;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.ProgressListener;
import dev.planb.catalog.Catalog;
import dev.planb.crypto.Encryption;
import dev.planb.engine.DatabaseEngines;
import dev.planb.internal.pipeline.ArtifactPipeline;
import dev.planb.internal.pipeline.StoredObjects;
import dev.planb.internal.run.RestoreGuide;
import dev.planb.internal.stream.ChecksumMismatchException;
import dev.planb.internal.stream.VerifyingInputStream;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies one backup from the source to the destinations that lack it, reading the source once:
 * each artifact's stored bytes stream through their checksum check into the
 * {@link ArtifactPipeline} (neither compressed nor encrypted again), so they reach every destination at
 * once and nothing is committed unless the whole artifact matched the manifest. Then the
 * restore guide, and the manifest last, byte for byte as on the source. A destination that
 * fails is cleaned up and reported; the others carry on.
 */
final class BackupCopier {

    private final Catalog source;

    BackupCopier(Destination source) {
        this.source = new Catalog(source);
    }

    /**
     * Copies the backup.
     *
     * @param manifestBytes the manifest exactly as stored on the source
     * @return the destinations that could not store it, with the reason
     * @throws PlanBException with {@link ErrorCode#CORRUPT_BACKUP} when the source's copy is damaged,
     *     or {@link ErrorCode#DESTINATION_FAILED} when the source cannot be read or no destination
     *     could store it; nothing of the backup is then left on any destination
     */
    Map<Destination, String> copy(Manifest manifest, byte[] manifestBytes, List<Destination> targets) {
        ArtifactPipeline pipeline = new ArtifactPipeline(manifest.plan(), manifest.id(), Compression.NONE, Encryption.none(), targets,
                ProgressListener.NONE);
        try {
            for (Artifact artifact : manifest.artifacts()) {
                pipeline.write(artifact.name(), artifact.size(), out -> {
                    try (VerifyingInputStream in = source.openStored(manifest, artifact)) {
                        return in.transferTo(out); // the end of the stream checks size and SHA-256
                    }
                }, e -> sourceFailure(manifest, artifact, e));
            }
        } catch (PlanBException e) {
            pipeline.discardAll();
            throw e;
        }
        Optional<DatabaseEngine> engine = DatabaseEngines.available().stream()
                .filter(candidate -> candidate.name().equals(manifest.engine().name())).findFirst();
        for (Destination target : pipeline.healthy()) {
            try {
                StoredObjects.write(target, Layout.key(manifest.plan(), manifest.id(), Layout.RESTORE_GUIDE),
                        restoreGuide(manifest, engine, target));
                StoredObjects.write(target, Layout.manifestKey(manifest.plan(), manifest.id()), manifestBytes);
            } catch (IOException | RuntimeException e) {
                pipeline.fail(target, Messages.firstLine(e));
            }
        }
        return pipeline.failures();
    }

    private PlanBException sourceFailure(Manifest manifest, Artifact artifact, Throwable e) {
        if (e instanceof PlanBException planb) {
            return planb;
        }
        if (e instanceof ChecksumMismatchException) {
            return new PlanBException(ErrorCode.CORRUPT_BACKUP, e.getMessage() + "; backup " + manifest.backupId()
                    + " was not copied", e);
        }
        return new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot read " + source.location(manifest, artifact)
                + ": " + Messages.firstLine(e), e);
    }

    /** A guide naming the destination it is on; the source's own when this host lacks the engine. */
    private byte[] restoreGuide(Manifest manifest, Optional<DatabaseEngine> engine, Destination target)
            throws IOException {
        if (engine.isPresent()) {
            return RestoreGuide.render(manifest, engine.get(), target.description()).getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream in = source.destination().open(Layout.key(manifest.plan(), manifest.id(), Layout.RESTORE_GUIDE))) {
            return in.readAllBytes();
        }
    }
}
