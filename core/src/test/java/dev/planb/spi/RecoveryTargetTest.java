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
import org.junit.jupiter.api.Test;

class RecoveryTargetTest {

    private static final Instant NOW = Instant.parse("2026-12-05T07:30:00Z");

    @Test
    void readsEveryFormTheCommandLineTakes() {
        assertThat(RecoveryTarget.parse("latest", NOW).isLatest()).isTrue();
        assertThat(RecoveryTarget.parse("2026-12-05T07:12:00.250Z", NOW).time())
                .contains(Instant.parse("2026-12-05T07:12:00.250Z"));
        assertThat(RecoveryTarget.parse("2026-12-05T08:12:00+01:00", NOW).time())
                .contains(Instant.parse("2026-12-05T07:12:00Z"));
        assertThat(RecoveryTarget.parse("2026-12-05 07:12:00", NOW).time()).contains(Instant.parse("2026-12-05T07:12:00Z"));
        assertThat(RecoveryTarget.parse("5m ago", NOW).time()).contains(Instant.parse("2026-12-05T07:25:00Z"));
        assertThat(RecoveryTarget.parse("2h ago", NOW).time()).contains(Instant.parse("2026-12-05T05:30:00Z"));
        assertThat(RecoveryTarget.parse("lsn:0/3000060", NOW).lsn()).contains("0/3000060");
        assertThat(RecoveryTarget.parse("lsn:0/3000060", NOW).time()).isEmpty();
    }

    @Test
    void anythingElseIsRefusedNamingTheForms() {
        assertThatThrownBy(() -> RecoveryTarget.parse("yesterday", NOW)).isInstanceOf(PlanBException.class)
                .hasMessageContaining("'yesterday'").hasMessageContaining("5m ago")
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.INVALID_SETTING));
        assertThatThrownBy(() -> RecoveryTarget.parse("lsn:zz", NOW)).isInstanceOf(PlanBException.class)
                .hasMessageContaining("LSN");
    }

    @Test
    void equalTargetsAreEqual() {
        assertThat(RecoveryTarget.parse("5m ago", NOW)).isEqualTo(RecoveryTarget.time(Instant.parse("2026-12-05T07:25:00Z")));
        assertThat(RecoveryTarget.latest()).hasToString("latest");
    }
}
