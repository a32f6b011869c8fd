/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.TableCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static Manifest backup(Instant start, TableCount... tables) {
        return new Manifest(Manifest.FORMAT_VERSION, "app", BackupId.generate(start).value(), Manifest.KIND_FULL, null,
                new EngineInfo("sqlite", "3", "test", "1"), "jdbc:sqlite:app.db", start, start.plusSeconds(1),
                List.of(new Artifact("database.sqlite.zst", 3, "0".repeat(64), "zstd", "none", 3)), List.of(tables),
                "test");
    }

    private static TableCount table(String name, long rows) {
        return new TableCount(name, rows);
    }

    @Test
    void theDefaultReportsHalfOfABigTableLostOrAnyTableDroppedButNotSmallTablesOrGrowth() {
        Manifest before = backup(T0, table("orders", 10_000), table("lines", 999), table("audit", 2_000),
                table("gone", 3), table("public.Users", 4_000));
        Manifest after = backup(T0.plusSeconds(60), table("orders", 4_999), table("lines", 0), table("audit", 1_000),
                table("public.users", 9_000), table("new", 5));

        assertThat(new ChangeDetector(DestructiveChangePolicy.defaults()).compare(before, after)).containsExactly(
                new TableChange("orders", 10_000, 4_999, false), new TableChange("gone", 3, 0, true));
    }

    @Test
    void perTableThresholdsAndIgnorePatternsApply() {
        DestructiveChangePolicy policy = DestructiveChangePolicy.builder().table("lines", 10, 5).ignore("tmp_*")
                .ignore("SESSIONS").build();
        Manifest before = backup(T0, table("lines", 100), table("tmp_import", 5_000), table("sessions", 5_000),
                table("orders", 5_000));
        Manifest after = backup(T0.plusSeconds(60), table("lines", 94), table("orders", 5_000));

        assertThat(new ChangeDetector(policy).compare(before, after))
                .containsExactly(new TableChange("lines", 100, 94, false));
        assertThat(new ChangeDetector(DestructiveChangePolicy.off()).compare(before, after)).isEmpty();
    }

    @Test
    void thePreviousGoodBackupIsTheNewestOlderDump() {
        Manifest oldest = backup(T0, table("t", 1));
        Manifest previous = backup(T0.plusSeconds(60), table("t", 1));
        Manifest latest = backup(T0.plusSeconds(120), table("t", 1));

        assertThat(ChangeDetector.previous(List.of(latest, previous, oldest), latest)).contains(previous);
        assertThat(ChangeDetector.previous(List.of(latest), latest)).isEmpty();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> DestructiveChangePolicy.builder().maxLossPercent(100).build())
                .hasMessageContaining("max-loss");
        assertThatThrownBy(() -> DestructiveChangePolicy.builder().minRows(-1).build()).hasMessageContaining("min-rows");
        assertThatThrownBy(() -> DestructiveChangePolicy.builder().hold(Duration.ofDays(-1)).build())
                .hasMessageContaining("hold");
        assertThatThrownBy(() -> DestructiveChangePolicy.builder().ignore(" ")).hasMessageContaining("empty table");
    }
}
