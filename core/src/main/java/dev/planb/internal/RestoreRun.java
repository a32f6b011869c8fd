package dev.planb.internal;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.catalog.Catalog;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.Manifest.Artifact;
import dev.planb.engine.DatabaseEngine;
import dev.planb.engine.DatabaseEngines;
import dev.planb.engine.TableCount;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One restore: find the backup, check the target, stream the artifact through checksum and
 * decompression into the engine, then compare the restored tables with the manifest.
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
        DatabaseSource target = request.target();
        DatabaseEngine engine = DatabaseEngines.forUrl(target.jdbcUrl());
        if (!engine.name().equals(manifest.engine().name())) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Backup " + manifest.backupId() + " is a "
                    + manifest.engine().name() + " backup and cannot be restored into " + target.redactedUrl()
                    + " (" + engine.name() + "): give a " + manifest.engine().name() + " JDBC URL");
        }
        engine.checkRestoreTarget(target, request.force());
        Artifact artifact = manifest.artifacts().get(0);
        LOG.info("Restoring backup {} of plan '{}' from {} into {}", manifest.backupId(), plan,
                request.from().description(), target.redactedUrl());
        ProgressMeter meter = new ProgressMeter(request.progress(), plan, "restore", artifact.dumpSize(), () -> 0L);
        try (InputStream dump = catalog.openDump(manifest, artifact, request.decryption())) {
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
        List<String> mismatches = compare(manifest.tables(), restored);
        LOG.info("Restored backup {} of plan '{}' into {}: {} table(s), {}", manifest.backupId(), plan,
                target.redactedUrl(), restored.size(),
                mismatches.isEmpty() ? "row counts match the manifest" : "MISMATCHES " + mismatches);
        return new RestoreResult(manifest, restored, mismatches);
    }

    /** How {@code actual} differs from {@code expected}, one line per table. */
    public static List<String> compare(List<TableCount> expected, List<TableCount> actual) {
        Map<String, Long> actualRows = actual.stream()
                .collect(Collectors.toMap(TableCount::table, TableCount::rows, (a, b) -> a));
        Map<String, Long> expectedRows = expected.stream()
                .collect(Collectors.toMap(TableCount::table, TableCount::rows, (a, b) -> a));
        List<String> mismatches = new ArrayList<>();
        for (TableCount table : expected) {
            Long rows = actualRows.get(table.table());
            if (rows == null) {
                mismatches.add("table " + table.table() + " is missing (manifest: " + table.rows() + " rows)");
            } else if (rows != table.rows()) {
                mismatches.add("table " + table.table() + " has " + rows + " rows, the manifest records " + table.rows());
            }
        }
        actual.stream().map(TableCount::table).filter(name -> !expectedRows.containsKey(name))
                .map(name -> "table " + name + " is not in the manifest")
                .forEach(mismatches::add);
        return mismatches;
    }
}
