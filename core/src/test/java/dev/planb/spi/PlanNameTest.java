/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanNameTest {

    private static final String LONGEST = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @ParameterizedTest
    @ValueSource(strings = {"app", "a", "0", "my-app_1.2", LONGEST})
    void acceptsValidNames(String name) {
        assertThat(PlanName.isValid(name)).isTrue();
        assertThat(PlanName.check(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"App", "-app", ".app", "..", "a/b", "a b", "zoë", LONGEST + "a"})
    void rejectsInvalidNamesNamingThem(String name) {
        assertThat(PlanName.isValid(name)).isFalse();
        assertThatThrownBy(() -> PlanName.check(name))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("'" + name + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"My App.DB|my-app.db", "___x|x", "..|default", "日本|default",
        "Orders 2024|orders-2024"})
    void derivesValidNames(String text, String expected) {
        assertThat(PlanName.derive(text)).isEqualTo(expected);
        assertThat(PlanName.isValid(PlanName.derive(text))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64, 200})
    void derivedNamesAreAtMost63Characters(int length) {
        String derived = PlanName.derive("x".repeat(length));
        assertThat(derived).hasSizeLessThanOrEqualTo(63);
        assertThat(PlanName.isValid(derived)).isTrue();
    }
}
