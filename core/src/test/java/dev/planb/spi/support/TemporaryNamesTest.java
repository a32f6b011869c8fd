/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporaryNamesTest {

    @Test
    void aTemporaryNameIsHiddenBesideItsTargetAndLeadsBackToIt() {
        String temporary = TemporaryNames.next("app/20261124T235903Z-3fa9c1/data.zst");

        assertThat(temporary).startsWith("app/20261124T235903Z-3fa9c1/.data.zst.partial-");
        assertThat(TemporaryNames.next("data.zst")).startsWith(".data.zst.partial-");
        assertThat(TemporaryNames.next("data.zst")).isNotEqualTo(TemporaryNames.next("data.zst"));
        assertThat(TemporaryNames.targetOf(temporary)).contains("app/20261124T235903Z-3fa9c1/data.zst");
        assertThat(TemporaryNames.targetOf("/srv/x/.a.partial-1")).contains("/srv/x/a");
    }

    @Test
    void otherNamesAreNoTemporaryNames() {
        assertThat(TemporaryNames.targetOf("app/1/data.zst")).isEmpty();
        assertThat(TemporaryNames.targetOf("app/1/.hidden")).isEmpty();
        assertThat(TemporaryNames.targetOf("app/1/.partial-1")).isEmpty();
        assertThat(TemporaryNames.targetOf("app/.x.partial-1/data.zst")).isEmpty();
    }
}
