package dev.planb;

import dev.planb.catalog.Catalog;
import dev.planb.internal.BackupRun;
import dev.planb.internal.RestoreRun;
import dev.planb.internal.Version;
import java.time.Clock;

/**
 * The entry point: run a backup, list what a destination holds, restore.
 *
 * <pre>{@code
 * BackupResult backup = PlanB.backup(plan);
 * List<Manifest> backups = PlanB.catalog(destination).backups("app");
 * PlanB.restore(RestoreRequest.builder().from(destination).plan("app")
 *         .target(DatabaseSource.of("jdbc:sqlite:restored.db")).build());
 * }</pre>
 */
public final class PlanB {

    private PlanB() {
    }

    /**
     * Backs up the plan's database once, to all its destinations, from one read of the database.
     *
     * @return the new backup, and which destinations hold it
     * @throws PlanBException when the dump fails or no destination could store the backup; then
     *     no destination shows a new backup
     */
    public static BackupResult backup(BackupPlan plan) {
        return backup(plan, ProgressListener.NONE);
    }

    /** Like {@link #backup(BackupPlan)}, reporting progress to {@code progress}. */
    public static BackupResult backup(BackupPlan plan, ProgressListener progress) {
        return new BackupRun(plan, progress, Clock.systemUTC()).execute();
    }

    /**
     * Restores a backup. The stored bytes are checked against the manifest's checksums before
     * the restore becomes permanent, and the restored tables are compared with the manifest.
     *
     * @throws PlanBException when the backup is missing or corrupt, the target holds data and
     *     {@code force} is not set, or the restore fails
     */
    public static RestoreResult restore(RestoreRequest request) {
        return new RestoreRun(request).execute();
    }

    /** The backups on a destination, read from their manifests. */
    public static Catalog catalog(Destination destination) {
        return new Catalog(destination);
    }

    /** This library's version. */
    public static String version() {
        return Version.current();
    }
}
