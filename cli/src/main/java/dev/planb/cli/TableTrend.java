/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code planb list --table T}: T's rows in each backup, and how they changed from the next older backup. */
final class TableTrend {

    private TableTrend() {
    }

    /** The listings (newest first) with {@code table}'s rows and trend; log files and damaged backups get none. */
    static List<BackupListing> of(String table, List<BackupListing> listings, List<Manifest> manifests) {
        Map<String, Manifest> byId = new HashMap<>();
        manifests.forEach(manifest -> byId.put(manifest.plan() + "/" + manifest.backupId(), manifest));
        List<BackupListing> result = new ArrayList<>(listings);
        Map<String, Integer> olderOfPlan = new HashMap<>(); // the index of the next older listing with rows, per plan
        for (int i = result.size() - 1; i >= 0; i--) {
            BackupListing listing = result.get(i);
            Manifest manifest = byId.get(listing.plan() + "/" + listing.backupId());
            if (manifest == null || !manifest.isDump()) {
                continue;
            }
            Optional<Long> rows = rows(manifest, table);
            Integer older = olderOfPlan.get(listing.plan());
            String trend = older == null ? "" : trend(Optional.ofNullable(result.get(older).table().rows()), rows);
            result.set(i, listing.withTable(new BackupListing.TableRows(table, rows.orElse(null), trend)));
            olderOfPlan.put(listing.plan(), i);
        }
        return result;
    }

    /** The table's rows: by its exact name (any case), or by its name without schema when only one table has it. */
    static Optional<Long> rows(Manifest manifest, String table) {
        String wanted = table.toLowerCase(Locale.ROOT);
        Optional<Long> exact = manifest.tables().stream().filter(count -> count.table().toLowerCase(Locale.ROOT)
                .equals(wanted)).map(TableCount::rows).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Long> unqualified = manifest.tables().stream().filter(count -> count.table().toLowerCase(Locale.ROOT)
                .endsWith("." + wanted)).map(TableCount::rows).toList();
        return unqualified.size() == 1 ? Optional.of(unqualified.get(0)) : Optional.empty();
    }

    private static String trend(Optional<Long> before, Optional<Long> after) {
        if (before.isEmpty()) {
            return after.isEmpty() ? "" : "new";
        }
        if (after.isEmpty()) {
            return "GONE";
        }
        long from = before.get();
        long to = after.get();
        if (from == to) {
            return "";
        }
        if (from == 0) {
            return "up from 0";
        }
        double percent = (to - from) * 100.0 / from;
        return String.format(Locale.ROOT, to < from ? "DOWN %.1f%%" : "up +%.1f%%", percent);
    }
}
