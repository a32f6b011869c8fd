/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFileNamesTest {

    @Test
    void walSegmentsFollowOnTheSameTimelineAcrossTheHighPart() {
        assertThat(LogFileNames.follows("wal", "000000010000000000000003", "000000010000000000000004")).isTrue();
        assertThat(LogFileNames.follows("wal", "000000010000000000000003", "000000010000000000000005")).isFalse();
        assertThat(LogFileNames.follows("wal", "000000010000000000000003", "000000020000000000000004")).isFalse();
        // 16 MiB segments: 256 per 4 GiB, so ...FF is the last of high part 0.
        assertThat(LogFileNames.follows("wal", "0000000100000000000000FF", "000000010000000100000000")).isTrue();
        // 1 GiB segments: 4 per high part.
        assertThat(LogFileNames.follows("wal", 1L << 30, "000000010000000000000003", "000000010000000100000000")).isTrue();
        assertThat(LogFileNames.follows("wal", 1L << 30, "0000000100000000000000FF", "000000010000000100000000")).isFalse();
        assertThat(LogFileNames.follows("wal", "000000010000000000000003", "000000010000000000000004.partial")).isFalse();
    }

    @Test
    void binlogsFollowWithTheSameBaseName() {
        assertThat(LogFileNames.follows("binlog", 0, "mysql-bin.000009", "mysql-bin.000010")).isTrue();
        assertThat(LogFileNames.follows("binlog", "mysql-bin.999999", "mysql-bin.1000000")).isTrue();
        assertThat(LogFileNames.follows("binlog", "mysql-bin.000009", "other-bin.000010")).isFalse();
        assertThat(LogFileNames.follows("binlog", "mysql-bin.000009", "mysql-bin.000011")).isFalse();
    }

    @Test
    void comparesInLogOrderNotByText() {
        List<String> binlogs = new ArrayList<>(List.of("mysql-bin.1000000", "mysql-bin.999999", "junk", "mysql-bin.000002"));
        binlogs.sort((a, b) -> LogFileNames.compare("binlog", a, b));
        assertThat(binlogs).containsExactly("mysql-bin.000002", "mysql-bin.999999", "mysql-bin.1000000", "junk");

        List<String> wal = new ArrayList<>(List.of("000000020000000000000001", "000000010000000100000000",
                "0000000100000000000000ff"));
        wal.sort((a, b) -> LogFileNames.compare("wal", a, b));
        assertThat(wal).containsExactly("0000000100000000000000ff", "000000010000000100000000", "000000020000000000000001");
    }
}
