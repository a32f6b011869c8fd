/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import org.junit.jupiter.api.Test;

class SqlCheckTest {

    @Test
    void oneLineChecksSplitAtTheLastComparison() {
        assertThat(SqlCheck.parse("select count(*) from orders where id > 10 >= 100"))
                .isEqualTo(SqlCheck.of("select count(*) from orders where id > 10", Comparison.AT_LEAST, "100"));
        assertThat(SqlCheck.parse("select max(status) from jobs = done"))
                .isEqualTo(SqlCheck.of("select max(status) from jobs", Comparison.EQUAL, "done"));
        assertThat(SqlCheck.parse("select 1!=2")).isEqualTo(SqlCheck.of("select 1", Comparison.NOT_EQUAL, "2"));
    }

    @Test
    void aCheckWithoutComparisonIsRejectedWithTheFormToUse() {
        assertThatThrownBy(() -> SqlCheck.parse("select count(*) from orders"))
                .isInstanceOfSatisfying(PlanBException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING);
                    assertThat(e.getMessage()).contains("QUERY >= VALUE");
                });
    }

    @Test
    void numbersCompareAsNumbersAndTextOnlyForEquality() {
        assertThat(Comparison.AT_LEAST.holds("10", "9")).isTrue();
        assertThat(Comparison.AT_LEAST.holds("10.0", "10")).isTrue();
        assertThat(Comparison.LESS.holds("9", "10")).isTrue();
        assertThat(Comparison.EQUAL.holds("1.50", "1.5")).isTrue();
        assertThat(Comparison.GREATER.holds("0", "0")).isFalse();
        assertThat(Comparison.EQUAL.holds("done", "done")).isTrue();
        assertThat(Comparison.NOT_EQUAL.holds("done", "failed")).isTrue();
        assertThat(Comparison.AT_LEAST.holds("b", "a")).isFalse();
        assertThat(Comparison.EQUAL.holds(null, "null")).isTrue();
        assertThat(Comparison.AT_LEAST.holds(null, "1")).isFalse();
    }
}
