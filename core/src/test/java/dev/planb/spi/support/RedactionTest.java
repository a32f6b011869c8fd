/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/app?user=bob&password=s3cret&ssl=true | jdbc:postgresql://db:5432/app?user=bob&password=******&ssl=true",
        "jdbc:h2:/data/app;USER=sa;PASSWORD=s3cret;MODE=MySQL | jdbc:h2:/data/app;USER=sa;PASSWORD=******;MODE=MySQL",
        "jdbc:x://h/db?pwd=s3cret&token=s3cret2 | jdbc:x://h/db?pwd=******&token=******",
        "jdbc:mysql://bob:s3cret@db:3306/app | jdbc:mysql://bob:******@db:3306/app",
        "jdbc:mysql://bob:p@ss:w0rd@db/app | jdbc:mysql://bob:******@db/app",
        "jdbc:mysql://u:pa/ss@h/db | jdbc:mysql://u:******@h/db",
        "jdbc:h2:tcp://u:topsecret@localhost:1/db | jdbc:h2:tcp://u:******@localhost:1/db",
        "jdbc:sqlite:/var/lib/app.db | jdbc:sqlite:/var/lib/app.db",
        "jdbc:postgresql://db/app?user=bob | jdbc:postgresql://db/app?user=bob",
    })
    void redactsPasswordsAndNothingElse(String url, String expected) {
        assertThat(Redaction.url(url)).isEqualTo(expected);
    }

    @Test
    void nullStaysNull() {
        assertThat(Redaction.url(null)).isNull();
    }
}
