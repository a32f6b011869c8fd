/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import dev.planb.spi.Manifest;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a {@link Catalog} found: the intact backups, newest first, and the damaged ones,
 * newest first (by id: their manifests cannot say more).
 *
 * @param backups the backups whose manifests were read and proved
 * @param damaged the backups whose manifests are damaged
 */
public record CatalogScan(List<Manifest> backups, List<DamagedBackup> damaged) {

    /**
     * Copies the lists and sorts the damaged backups newest first.
     *
     * @param backups the intact backups, newest first
     * @param damaged the damaged backups, in any order
     */
    public CatalogScan {
        backups = List.copyOf(backups);
        damaged = damaged.stream().sorted(Comparator.comparing(DamagedBackup::id).reversed()).toList();
    }
}
