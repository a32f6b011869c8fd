package dev.planb.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalNamesTest {

    @Test
    void theNextSegmentFollowsWithinAndAcrossItsGroup() {
        assertThat(WalNames.follows("000000010000000000000003", "000000010000000000000004")).isTrue();
        assertThat(WalNames.follows("0000000100000000000000FF", "000000010000000100000000")).isTrue(); // 16 MiB
        assertThat(WalNames.follows("00000001000000000000003F", "000000010000000100000000")).isTrue(); // 64 MiB
    }

    @Test
    void aMissingSegmentATimelineSwitchOrAnOtherFileDoNotFollow() {
        assertThat(WalNames.follows("000000010000000000000003", "000000010000000000000005")).isFalse();
        assertThat(WalNames.follows("000000010000000000000003", "000000020000000000000004")).isFalse();
        assertThat(WalNames.follows("000000010000000000000080", "000000010000000100000000")).isFalse();
        assertThat(WalNames.follows("000000010000000000000003", "00000002.history")).isFalse();
    }
}
