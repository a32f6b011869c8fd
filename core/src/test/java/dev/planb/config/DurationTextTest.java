/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @Test
    void readsUnitsCombinedAndIso() {
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("36h")).isEqualTo(Duration.ofHours(36));
        assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(DurationText.parse("1d12h")).isEqualTo(Duration.ofHours(36));
        assertThat(DurationText.parse("1h 30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse(" 2W ")).isEqualTo(Duration.ofDays(14));
        assertThat(DurationText.parse("PT6H")).isEqualTo(Duration.ofHours(6));
        assertThat(DurationText.parse("p7d")).isEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "7x", "soon", "h", "1.5h", "-5m", "PT", "P7X", "99999999999999999999w"})
    void rejectsWhatIsNotADurationSayingWhatIsAccepted(String text) {
        assertThat(DurationText.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration: use e.g. 7d, 36h, 2w, 1d12h, 30s or ISO-8601 like P7D");
    }

    @Test
    void readsBackWhatItWrites() {
        for (Duration duration : new Duration[] {Duration.ofMillis(250), Duration.ofSeconds(59), Duration.ofHours(36),
            Duration.ofDays(15).plusMinutes(3).plusSeconds(4)}) {
            assertThat(DurationText.parse(DurationText.format(duration))).isEqualTo(duration);
        }
        assertThat(DurationText.format(Duration.ofHours(36))).isEqualTo("1d 12h");
    }
}
