/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:/data/app;USER=sa;PASSWORD=url-pw", "jdbc:mysql://bob:url-pw@db/app",
        "jdbc:postgresql://db/app?user=bob&password=url-pw"})
    void toStringNeverShowsAPassword(String url) {
        DatabaseSource source = DatabaseSource.of(url, "bob", Secret.of("secret-pw"));

        assertThat(source.toString()).contains("bob").doesNotContain("url-pw").doesNotContain("secret-pw");
        assertThat(source.redactedUrl()).doesNotContain("url-pw");
        assertThat(source.passwordSecret()).map(Secret::reveal).contains("secret-pw");
    }

    @Test
    void aUrlThatIsNotJdbcIsRejectedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> DatabaseSource.of("mysql://bob:url-pw@db/app"))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("jdbc:")
                .hasMessageNotContaining("url-pw");
        assertThatThrownBy(() -> DatabaseSource.of(" "))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING));
    }
}
