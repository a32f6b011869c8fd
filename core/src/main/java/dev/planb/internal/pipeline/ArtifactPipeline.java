/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.pipeline;

import dev.planb.Compression;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.ProgressListener;
import dev.planb.crypto.Encryption;
import dev.planb.internal.stream.CountingOutputStream;
import dev.planb.internal.stream.FanOutOutputStream;
import dev.planb.internal.stream.ProgressMeter;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the artifacts of one backup run, one after the other, through the same stages: content
 * → compression → encryption (when set) → SHA-256 → every healthy destination at once. Each artifact is committed as
 * soon as it is complete (it is no backup until the manifest is written). A destination that
 * fails on one artifact is dropped for the rest of the run and its failure kept; the others
 * carry on.
 */
public final class ArtifactPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactPipeline.class);

    /**
     * Writes an artifact's content, uncompressed, to {@code out} (without closing it).
     *
     * @param <R> what the writer reports about the content
     */
    @FunctionalInterface
    public interface Content<R> {
        /** Writes the content; returns what the caller needs to know about it. */
        R writeTo(OutputStream out) throws IOException;
    }

    /**
     * A stored artifact.
     *
     * @param <R> what the content writer reported
     * @param artifact its manifest entry
     * @param content what the content writer reported
     */
    public record Stored<R>(Artifact artifact, R content) {
    }

    private final String plan;
    private final BackupId id;
    private final Compression compression;
    private final Encryption encryption;
    private final ProgressListener progress;
    private final List<Destination> healthy;
    private final Map<Destination, String> failures = new LinkedHashMap<>();
    private final List<String> committed = new ArrayList<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private final Map<Destination, List<String>> warnings = new LinkedHashMap<>();

    /**
     * @param plan the plan's name
     * @param id the backup's id
     * @param compression how every artifact is compressed
     * @param encryption how every artifact is encrypted after compression
     * @param destinations where every artifact goes
     * @param progress receives byte counts while artifacts are written
     */
    public ArtifactPipeline(String plan, BackupId id, Compression compression, Encryption encryption,
            List<Destination> destinations, ProgressListener progress) {
        this.plan = plan;
        this.id = id;
        this.compression = compression;
        this.encryption = encryption;
        this.progress = progress;
        this.healthy = new ArrayList<>(destinations);
    }

    /**
     * Streams one artifact to every healthy destination and commits it there.
     *
     * @param fileName the artifact's name without the compression's and encryption's extensions, e.g. {@code database.sqlite}
     * @param expectedSize the expected content size for progress reports, or {@code -1}
     * @param content writes the uncompressed content
     * @param sourceFailure turns a failure of the content writer into the run's error
     * @throws PlanBException when the content fails (then every writer of this artifact is
     *     discarded) or no destination is left
     */
    public <R> Stored<R> write(String fileName, long expectedSize, Content<R> content,
            Function<Throwable, PlanBException> sourceFailure) {
        String name = fileName + compression.extension() + encryption.fileExtension();
        Map<Destination, ObjectWriter> writers = openWriters(Layout.key(plan, id, name));
        Map<String, ObjectWriter> byName = new LinkedHashMap<>();
        writers.forEach((destination, writer) -> byName.put(destination.description(), writer));

        FanOutOutputStream fanOut = new FanOutOutputStream(byName);
        CountingOutputStream stored = new CountingOutputStream(fanOut);
        MessageDigest sha256 = Sha256.newDigest();
        ProgressMeter meter = new ProgressMeter(progress, plan, "backup", expectedSize, stored::count);
        R result;
        CountingOutputStream counted;
        EncryptionStage encrypted;
        try {
            encrypted = new EncryptionStage(encryption, new DigestOutputStream(stored, sha256));
            OutputStream compressed = compression.compress(encrypted.input());
            counted = new CountingOutputStream(compressed, meter::update);
            result = content.writeTo(counted);
            compressed.close();
        } catch (Exception | LinkageError e) {
            // Classify before abort(): aborting interrupts every writer, which then counts as failed.
            PlanBException failure = classify(e, fanOut, sourceFailure);
            fanOut.abort();
            writers.values().forEach(ArtifactPipeline::discard);
            throw failure;
        }
        meter.done(counted.count());
        Map<String, Throwable> streamFailures = fanOut.failures();
        writers.forEach((destination, writer) -> {
            Throwable error = streamFailures.get(destination.description());
            if (error != null) {
                discard(writer);
                fail(destination, describe(error));
                return;
            }
            try {
                writer.commit();
                writer.close();
                warn(destination, writer.warnings());
            } catch (IOException | RuntimeException e) {
                discard(writer);
                fail(destination, describe(e));
            }
        });
        committed.add(name);
        requireHealthyDestination();
        Artifact artifact = new Artifact(name, stored.count(), HexFormat.of().formatHex(sha256.digest()),
                compression.id(), encryption.mode(), counted.count(), encrypted.details());
        artifacts.add(artifact);
        return new Stored<>(artifact, result);
    }

    /** The artifacts written so far, in order. */
    public List<Artifact> artifacts() {
        return List.copyOf(artifacts);
    }

    /** The destinations that hold every artifact written so far. */
    public List<Destination> healthy() {
        return List.copyOf(healthy);
    }

    /** The destinations dropped so far, with a one-line reason each. */
    public Map<Destination, String> failures() {
        return new LinkedHashMap<>(failures);
    }

    /** Records what a destination did not confirm about an object it stored (an Object Lock, say). */
    public void warn(Destination destination, List<String> problems) {
        if (!problems.isEmpty()) {
            warnings.computeIfAbsent(destination, key -> new ArrayList<>()).addAll(problems);
        }
    }

    /** The warnings recorded for a destination, in order. */
    public List<String> warnings(Destination destination) {
        return List.copyOf(warnings.getOrDefault(destination, List.of()));
    }

    /** Drops a destination that failed after the artifacts, e.g. while its manifest was written. */
    public void fail(Destination destination, String reason) {
        healthy.remove(destination);
        failures.putIfAbsent(destination, reason);
        removeCommitted(destination);
    }

    /** Removes what every destination got: the run failed and leaves nothing behind. */
    public void discardAll() {
        List.copyOf(healthy).forEach(destination -> fail(destination, "the run failed"));
    }

    private Map<Destination, ObjectWriter> openWriters(String key) {
        Map<Destination, ObjectWriter> writers = new LinkedHashMap<>();
        for (Destination destination : List.copyOf(healthy)) {
            try {
                writers.put(destination, destination.create(key));
            } catch (IOException | RuntimeException e) {
                fail(destination, describe(e));
            }
        }
        requireHealthyDestination();
        return writers;
    }

    private void requireHealthyDestination() {
        if (healthy.isEmpty()) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Backup of plan '" + plan
                    + "' failed: no destination could store it: " + failures.entrySet().stream()
                            .map(entry -> entry.getKey().description() + ": " + entry.getValue())
                            .reduce((a, b) -> a + "; " + b).orElse(""));
        }
    }

    /** Removes the committed artifacts and the guide from a dropped destination, where it allows deletes. */
    private void removeCommitted(Destination destination) {
        if (!destination.canDelete()) {
            return;
        }
        List<String> files = new ArrayList<>(committed);
        files.add(Layout.RESTORE_GUIDE);
        for (String file : files) {
            try {
                destination.delete(Layout.key(plan, id, file));
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not remove {} from {}", file, destination.description(), e);
            }
        }
    }

    private PlanBException classify(Throwable e, FanOutOutputStream fanOut,
            Function<Throwable, PlanBException> sourceFailure) {
        if (e instanceof PlanBException planb) {
            return planb;
        }
        if (fanOut.allFailed()) {
            return new PlanBException(ErrorCode.DESTINATION_FAILED, "Backup of plan '" + plan
                    + "' failed: no destination could store it: " + fanOut.failures().entrySet().stream()
                            .map(entry -> entry.getKey() + ": " + describe(entry.getValue()))
                            .reduce((a, b) -> a + "; " + b).orElse(""), e);
        }
        return sourceFailure.apply(e);
    }

    private static void discard(ObjectWriter writer) {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not discard an unfinished upload", e);
        }
    }

    /** A one-line reason for a failure. */
    public static String describe(Throwable error) {
        return error instanceof PlanBException ? error.getMessage() : Messages.firstLine(error);
    }
}
