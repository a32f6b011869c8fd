/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BackupIdTest {

    @Test
    void generatedIdsCarryTheUtcStartTime() {
        BackupId id = BackupId.generate(Instant.parse("2026-11-24T23:59:03.987Z"));

        assertThat(id.value()).matches("20261124T235903Z-[0-9a-f]{6}");
        assertThat(BackupId.isValid(id.value())).isTrue();
        assertThat(new BackupId(id.value())).isEqualTo(id);
    }

    @Test
    void idsSortByTime() {
        List<BackupId> ids = new ArrayList<>(List.of(new BackupId("20261124T235903Z-ffffff"),
                new BackupId("20250101T000000Z-000000"), new BackupId("20261125T000000Z-000000")));
        Collections.sort(ids);

        assertThat(ids).extracting(BackupId::value).containsExactly("20250101T000000Z-000000",
                "20261124T235903Z-ffffff", "20261125T000000Z-000000");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"latest", "20261124T235903Z-3FA9C1", "20261124T235903Z-3fa9c", "20261124T235903-3fa9c1",
        "../20261124T235903Z-3fa9c1", "20261124T235903Z-3fa9c1/..", " 20261124T235903Z-3fa9c1"})
    void rejectsAnythingElse(String value) {
        assertThat(BackupId.isValid(value)).isFalse();
        assertThatThrownBy(() -> new BackupId(value))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("latest");
    }
}
