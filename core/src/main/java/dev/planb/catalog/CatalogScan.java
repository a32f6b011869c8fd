package dev.planb.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link Catalog} found: the intact backups, newest first, and the damaged ones,
 * newest first.
 *
 * @param backups the backups whose manifests were read and proved
 * @param damaged the backups whose manifests are damaged
 */
public record CatalogScan(List<Manifest> backups, List<DamagedBackup> damaged) {

    /** Copies the lists and sorts the damaged backups newest first. */
    public CatalogScan {
        backups = List.copyOf(backups);
        damaged = damaged.stream().sorted(Comparator.comparing(DamagedBackup::id).reversed()).toList();
    }

    /** The damaged backups of {@code plan}, newest first. */
    public List<DamagedBackup> damaged(String plan) {
        return damaged.stream().filter(backup -> backup.plan().equals(plan)).toList();
    }

    /** The newest damaged backup of {@code plan} that is newer than every intact one, if any. */
    public Optional<DamagedBackup> damagedNewest(String plan) {
        Optional<BackupId> intact = backups.stream().filter(backup -> backup.plan().equals(plan)).map(Manifest::id)
                .max(Comparator.naturalOrder());
        return damaged(plan).stream().findFirst()
                .filter(newest -> intact.isEmpty() || newest.mayBeNewerThan(intact.get()));
    }
}
