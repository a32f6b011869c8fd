package dev.planb.internal;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.Destination;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.ObjectWriter;
import dev.planb.PlanBException;
import dev.planb.ProgressListener;
import dev.planb.catalog.BackupId;
import dev.planb.catalog.Layout;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.Manifest.Artifact;
import dev.planb.catalog.Manifest.EngineInfo;
import dev.planb.engine.DatabaseEngine;
import dev.planb.engine.DumpResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backup run: dump once, compress, checksum, and write to every destination at once; then,
 * per destination, commit the artifact, write {@code RESTORE.md}, and write the manifest last.
 * A destination that fails is cleaned up and reported; the others are not affected.
 */
public final class BackupRun {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRun.class);

    private final BackupPlan plan;
    private final ProgressListener progress;
    private final Clock clock;

    /** Prepares a run of {@code plan}. */
    public BackupRun(BackupPlan plan, ProgressListener progress, Clock clock) {
        this.plan = plan;
        this.progress = progress;
        this.clock = clock;
    }

    /** Runs the backup; see {@link dev.planb.PlanB#backup(BackupPlan)}. */
    public BackupResult execute() {
        DatabaseEngine engine = plan.engine();
        engine.checkReadable(plan.database());
        Instant startedAt = clock.instant();
        BackupId id = BackupId.generate(startedAt);
        String artifactName = engine.dumpFileName() + plan.compression().extension();
        LOG.info("Backup {} of plan '{}' started: {} to {} destination(s)", id, plan.name(),
                plan.database().redactedUrl(), plan.destinations().size());

        Map<Destination, String> failures = new LinkedHashMap<>();
        Map<Destination, ObjectWriter> writers = openWriters(Layout.key(plan.name(), id, artifactName), failures);
        Map<String, ObjectWriter> byName = new LinkedHashMap<>();
        writers.forEach((destination, writer) -> byName.put(destination.description(), writer));

        FanOutOutputStream fanOut = new FanOutOutputStream(byName);
        CountingOutputStream stored = new CountingOutputStream(fanOut);
        MessageDigest sha256 = Sha256.newDigest();
        ProgressMeter meter = new ProgressMeter(progress, plan.name(), "backup",
                engine.estimateDumpSize(plan.database()), stored::count);
        DumpResult dump;
        CountingOutputStream dumped;
        try {
            OutputStream compressed = plan.compression().compress(new DigestOutputStream(stored, sha256));
            dumped = new CountingOutputStream(compressed, meter::update);
            dump = engine.dump(plan.database(), dumped);
            compressed.close();
        } catch (Exception | LinkageError e) {
            // Classify before abort(): aborting interrupts every writer, which then counts as failed.
            PlanBException failure = dumpFailure(e, fanOut);
            fanOut.abort();
            writers.values().forEach(BackupRun::discard);
            throw failure;
        }
        meter.done(dumped.count());
        Instant finishedAt = clock.instant();
        fanOut.failures().forEach((name, error) -> failures.put(byDescription(writers, name), describe(error)));

        Artifact artifact = new Artifact(artifactName, stored.count(), HexFormat.of().formatHex(sha256.digest()),
                plan.compression().id(), "none", dumped.count());
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, plan.name(), id.value(), Manifest.KIND_FULL, null,
                new EngineInfo(engine.name(), dump.serverVersion(), dump.dumpTool(), dump.dumpToolVersion()),
                plan.database().redactedUrl(), startedAt, finishedAt, List.of(artifact), dump.tables(),
                Version.current());

        List<DestinationResult> results = new ArrayList<>();
        for (Destination destination : plan.destinations()) {
            ObjectWriter writer = writers.get(destination);
            if (writer != null && !failures.containsKey(destination)) {
                try {
                    complete(destination, writer, manifest, engine);
                } catch (IOException | RuntimeException e) {
                    failures.put(destination, describe(e));
                    removeIncomplete(destination, manifest);
                }
            } else if (writer != null) {
                discard(writer);
            }
            String failure = failures.get(destination);
            if (failure == null) {
                results.add(DestinationResult.succeeded(destination.description()));
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
                plan.name(), artifact.size(), artifact.dumpSize(),
                results.stream().filter(DestinationResult::succeeded).count(), results.size());
        return new BackupResult(manifest, results);
    }

    private Map<Destination, ObjectWriter> openWriters(String key, Map<Destination, String> failures) {
        Map<Destination, ObjectWriter> writers = new LinkedHashMap<>();
        for (Destination destination : plan.destinations()) {
            try {
                writers.put(destination, destination.create(key));
            } catch (IOException | RuntimeException e) {
                failures.put(destination, describe(e));
            }
        }
        if (writers.isEmpty()) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Backup of plan '" + plan.name()
                    + "' failed: no destination can be written: " + failures.entrySet().stream()
                            .map(entry -> entry.getKey().description() + ": " + entry.getValue())
                            .reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return writers;
    }

    /** Commits the artifact, then the guide, then the manifest: the manifest's presence means "complete". */
    private static void complete(Destination destination, ObjectWriter artifactWriter, Manifest manifest,
            DatabaseEngine engine) throws IOException {
        artifactWriter.commit();
        artifactWriter.close();
        BackupId id = manifest.id();
        writeSmallObject(destination, Layout.key(manifest.plan(), id, Layout.RESTORE_GUIDE),
                RestoreGuide.render(manifest, engine, destination.description()).getBytes(StandardCharsets.UTF_8));
        writeSmallObject(destination, Layout.manifestKey(manifest.plan(), id),
                Json.mapper().writeValueAsBytes(manifest));
    }

    private static void writeSmallObject(Destination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }

    /** Removes what a failed destination got, where it allows deletes; without a manifest it is no backup anyway. */
    private static void removeIncomplete(Destination destination, Manifest manifest) {
        if (!destination.canDelete()) {
            return;
        }
        for (String file : List.of(manifest.artifacts().get(0).name(), Layout.RESTORE_GUIDE)) {
            try {
                destination.delete(Layout.key(manifest.plan(), manifest.id(), file));
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not remove {} from {}", file, destination.description(), e);
            }
        }
    }

    private static void discard(ObjectWriter writer) {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not discard an unfinished upload", e);
        }
    }

    private PlanBException dumpFailure(Throwable e, FanOutOutputStream fanOut) {
        if (e instanceof PlanBException planb) {
            return planb;
        }
        if (fanOut.allFailed()) {
            return new PlanBException(ErrorCode.DESTINATION_FAILED, "Backup of plan '" + plan.name()
                    + "' failed: no destination could store it: " + fanOut.failures().entrySet().stream()
                            .map(entry -> entry.getKey() + ": " + describe(entry.getValue()))
                            .reduce((a, b) -> a + "; " + b).orElse(""), e);
        }
        return new PlanBException(ErrorCode.DUMP_FAILED, "Backup of plan '" + plan.name() + "' failed while dumping "
                + plan.database().redactedUrl() + ": " + describe(e), e);
    }

    private static Destination byDescription(Map<Destination, ObjectWriter> writers, String description) {
        return writers.keySet().stream().filter(destination -> destination.description().equals(description))
                .findFirst().orElseThrow();
    }

    private static String summary(List<DestinationResult> results) {
        return results.stream().map(result -> result.destination() + ": " + result.error())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static String describe(Throwable error) {
        return error instanceof PlanBException ? error.getMessage() : Messages.firstLine(error);
    }
}
