/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.run;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.catalog.Catalog;
import dev.planb.engine.DatabaseEngines;
import dev.planb.files.RestoredFiles;
import dev.planb.files.internal.FilesRestore;
import dev.planb.internal.stream.ChecksumMismatchException;
import dev.planb.internal.stream.CountingInputStream;
import dev.planb.internal.stream.ProgressMeter;
import dev.planb.internal.stream.VerifiedDumpInputStream;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.TableCount;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.verify.TableCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One restore: find the backup, check every target, stream the dump through checksum and
 * decompression into the engine and compare the restored tables with the manifest; then restore
 * the selected files sources and compare their file counts and sizes with the manifest.
 */
public final class RestoreRun {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreRun.class);

    private final RestoreRequest request;

    /** Prepares a restore. */
    public RestoreRun(RestoreRequest request) {
        this.request = request;
    }

    /** Runs the restore; see {@link dev.planb.PlanB#restore(RestoreRequest)}. */
    public RestoreResult execute() {
        Catalog catalog = new Catalog(request.from());
        String plan = catalog.resolvePlan(request.planName());
        Manifest manifest = catalog.find(plan, request.backup());
        Catalog.requireDump(manifest, "restored");
        if (request.restoresTables()) {
            return RestoreResult.ofTables(manifest, restoreTables(catalog, manifest, request.database().orElseThrow()));
        }
        List<FileSet> fileSets = request.files().isEmpty() ? List.of()
                : FilesRestore.select(manifest, Optional.ofNullable(request.filesSource()));
        request.database().ifPresent(target -> checkDatabaseTarget(manifest, target));
        request.files().ifPresent(folder -> FilesRestore.checkTarget(folder, request.force()));

        List<TableCount> restored = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        if (request.database().isPresent()) {
            restored.addAll(restoreDatabase(catalog, manifest, request.database().get()));
            mismatches.addAll(TableCounts.missingOrDifferent(manifest.tables(), restored));
        }
        List<RestoredFiles> files = new ArrayList<>();
        FilesRestore filesRestore = new FilesRestore(catalog, manifest, request.decryption());
        for (FileSet fileSet : fileSets) {
            Path folder = request.filesSource() != null ? request.filesTo() : request.filesTo().resolve(fileSet.source());
            RestoredFiles result = filesRestore.restore(fileSet, folder, Optional.ofNullable(request.filesGlob()));
            files.add(result);
            if (request.filesGlob() == null) {
                mismatches.addAll(compare(fileSet, result));
            }
            LOG.info("Restored files '{}' of backup {} into {}: {} file(s), {} bytes", fileSet.source(),
                    manifest.backupId(), result.directory(), result.files(), result.bytes());
        }
        return new RestoreResult(manifest, restored, mismatches, files);
    }

    private void checkDatabaseTarget(Manifest manifest, DatabaseSource target) {
        DatabaseEngine engine = engineFor(target);
        if (!engine.name().equals(manifest.engine().name())) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Backup " + manifest.backupId() + " is a "
                    + manifest.engine().name() + " backup and cannot be restored into " + target.redactedUrl()
                    + " (" + engine.name() + "): give a " + manifest.engine().name() + " JDBC URL");
        }
    }

    /** The request's engine (with its options), or the one the target's URL chooses. */
    private DatabaseEngine engineFor(DatabaseSource target) {
        DatabaseEngine engine = request.engine() != null ? request.engine() : DatabaseEngines.forUrl(target.jdbcUrl());
        if (!engine.handles(target.jdbcUrl())) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Restore engine " + engine.name() + " does not handle "
                    + target.redactedUrl() + ": give an engine for " + String.join(" or ", engine.urlPrefixes()) + " URLs");
        }
        return engine;
    }

    private List<TableCount> restoreDatabase(Catalog catalog, Manifest manifest, DatabaseSource target) {
        DatabaseEngine engine = engineFor(target);
        engine.checkRestoreTarget(target, request.force());
        Artifact artifact = manifest.databaseArtifact();
        LOG.info("Restoring backup {} of plan '{}' from {} into {}", manifest.backupId(), manifest.plan(),
                request.from().description(), target.redactedUrl());
        try (VerifiedDumpInputStream dump = catalog.openDump(manifest, artifact, request.decryption())) {
            ProgressMeter meter = new ProgressMeter(request.progress(), manifest.plan(), "restore", artifact.dumpSize(),
                    dump::storedBytesRead);
            CountingInputStream counted = new CountingInputStream(dump, meter::update);
            engine.restore(counted, target);
            meter.done(counted.count());
        } catch (ChecksumMismatchException e) {
            throw new PlanBException(ErrorCode.CORRUPT_BACKUP, "Restore refused, nothing was changed: " + e.getMessage()
                    + ". Restore from another destination", e);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Restore of backup " + manifest.backupId() + " into "
                    + target.redactedUrl() + " failed: " + Messages.firstLine(e), e);
        }
        List<TableCount> restored = engine.tableCounts(target);
        List<String> mismatches = TableCounts.missingOrDifferent(manifest.tables(), restored);
        LOG.info("Restored backup {} of plan '{}' into {}: {} table(s), {}", manifest.backupId(), manifest.plan(),
                target.redactedUrl(), restored.size(),
                mismatches.isEmpty() ? "row counts match the manifest" : "MISMATCHES " + mismatches);
        List<String> others = TableCounts.notInManifest(manifest.tables(), restored);
        if (!others.isEmpty()) {
            LOG.info("Tables of {} the backup does not hold, left as they were: {}", target.redactedUrl(), others);
        }
        return restored;
    }

    /**
     * Restores some tables: checks them against the manifest and the target before reading any data, then
     * lets the engine restore them (it checks their counts and undoes what it made when anything fails).
     */
    private List<RestoredTable> restoreTables(Catalog catalog, Manifest manifest, DatabaseSource target) {
        checkDatabaseTarget(manifest, target);
        DatabaseEngine engine = engineFor(target);
        TableRestore tables = new TableRestore(manifest.backupId(), selectTables(manifest), request.tablesSuffix(),
                request.intoSchema(), request.replace(), request.force());
        engine.checkTableRestoreTarget(target, tables);
        Artifact artifact = manifest.databaseArtifact();
        LOG.info("Restoring table(s) {} of backup {} of plan '{}' from {} into {}", tables.tableNames(),
                manifest.backupId(), manifest.plan(), request.from().description(), target.redactedUrl());
        try (VerifiedDumpInputStream dump = catalog.openDump(manifest, artifact, request.decryption())) {
            ProgressMeter meter = new ProgressMeter(request.progress(), manifest.plan(), "restore", artifact.dumpSize(),
                    dump::storedBytesRead);
            CountingInputStream counted = new CountingInputStream(dump, meter::update);
            List<RestoredTable> restored = engine.restoreTables(counted, target, tables);
            meter.done(counted.count());
            restored.forEach(table -> LOG.info("Restored table {} of backup {} as {}: {} rows, as the manifest records",
                    table.table(), manifest.backupId(), table.restoredAs(), table.rows()));
            return restored;
        } catch (ChecksumMismatchException e) {
            throw new PlanBException(ErrorCode.CORRUPT_BACKUP, "Restore refused, nothing was changed: " + e.getMessage()
                    + ". Restore from another destination", e);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Restore of table(s) " + tables.tableNames()
                    + " of backup " + manifest.backupId() + " into " + target.redactedUrl() + " failed: "
                    + Messages.firstLine(e), e);
        }
    }

    /** The manifest's entries for the requested tables; a name it does not hold is an error that lists some it does. */
    private List<TableCount> selectTables(Manifest manifest) {
        List<TableCount> selected = new ArrayList<>();
        for (String name : request.tables()) {
            TableCount table = manifest.tables().stream().filter(candidate -> candidate.table().equals(name)).findFirst()
                    .or(() -> manifest.tables().stream().filter(candidate -> candidate.table().equalsIgnoreCase(name))
                            .findFirst())
                    .orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING, "Backup " + manifest.backupId()
                            + " holds no table " + name + ": name it as the manifest does (planb list --table), e.g. "
                            + String.join(", ", manifest.tables().stream().map(TableCount::table).limit(10).toList())));
            if (!selected.contains(table)) {
                selected.add(table);
            }
        }
        return selected;
    }

    /** How a restored files source differs from the manifest: file count and total size. */
    private static List<String> compare(FileSet expected, RestoredFiles actual) {
        if (expected.fileCount() == actual.files() && expected.totalSize() == actual.bytes()) {
            return List.of();
        }
        return List.of("files '" + expected.source() + "': " + actual.files() + " files of " + actual.bytes()
                + " bytes restored, the manifest records " + expected.fileCount() + " files of "
                + expected.totalSize() + " bytes");
    }
}
