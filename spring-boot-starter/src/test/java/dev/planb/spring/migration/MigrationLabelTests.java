/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.spi.Manifest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MigrationLabelTests {

    @Test
    void namesEveryPendingMigrationInTheOrderTheyRun() {
        assertThat(MigrationLabel.of(List.of("V42__drop_legacy"))).isEqualTo("before V42__drop_legacy");
        assertThat(MigrationLabel.of(List.of("V42__drop_legacy", "V43__add_index")))
                .isEqualTo("before V42__drop_legacy, V43__add_index");
    }

    @Test
    void aListTooLongForAManifestLabelKeepsTheFirstTheLastAndTheirNumber() {
        List<String> many = IntStream.rangeClosed(1, 40).mapToObj(v -> "V" + v + "__add_column_number_" + v).toList();

        String label = MigrationLabel.of(many);

        assertThat(label).isEqualTo("before V1__add_column_number_1 … V40__add_column_number_40 (40 migrations)");
        assertThat(Manifest.checkLabel(label)).isNotNull();
        assertThat(MigrationLabel.of(List.of("V1__" + "x".repeat(300)))).hasSize(Manifest.MAX_LABEL_LENGTH)
                .startsWith("before V1__xxx").endsWith("…");
        assertThat(MigrationLabel.of(List.of("V1__a\nb"))).isEqualTo("before V1__a b");
    }

    @Test
    void aMigrationIsNamedAsItsFileOrClassIs() {
        assertThat(MigrationLabel.scriptName("db/migration/V42__drop_legacy.sql")).isEqualTo("V42__drop_legacy");
        assertThat(MigrationLabel.scriptName("V1_1__init.sql")).isEqualTo("V1_1__init");
        assertThat(MigrationLabel.scriptName("db.migration.V43__Backfill")).isEqualTo("V43__Backfill");
    }
}
