/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UriParametersTest {

    private static UriParameters parse(String rawQuery) {
        return UriParameters.parse(rawQuery, List.of("writeOnly", "days", "file"),
                problem -> new IllegalArgumentException("URI 'x' " + problem));
    }

    @Test
    void readsDecodedValuesFlagsAndNumbers() {
        UriParameters query = parse("writeOnly=true&days=30&file=%2Fetc%2Fplanb%20key");

        assertThat(query.flag("writeOnly")).isTrue();
        assertThat(query.number("days", 1, "days")).contains(30);
        assertThat(query.value("file")).contains("/etc/planb key");
        assertThat(query.asMap()).containsOnlyKeys("writeOnly", "days", "file");
        assertThat(parse(null).flag("writeOnly")).isFalse();
        assertThat(parse("").has("days")).isFalse();
    }

    @Test
    void namesWhatIsWrongAndWhatIsAllowed() {
        assertThatThrownBy(() -> parse("colour=red")).hasMessage("URI 'x' has an unknown parameter 'colour': use"
                + " writeOnly, days, file");
        assertThatThrownBy(() -> parse("days=")).hasMessage("URI 'x' gives no value for 'days'");
        assertThatThrownBy(() -> parse("file")).hasMessage("URI 'x' gives no value for 'file'");
        assertThatThrownBy(() -> parse("writeOnly=yes").flag("writeOnly"))
                .hasMessage("URI 'x' has writeOnly=yes: give true or false");
        assertThatThrownBy(() -> parse("days=0").number("days", 1, "days"))
                .hasMessage("URI 'x' has days=0: give a whole number of days, at least 1");
        assertThatThrownBy(() -> parse("days=week").number("days", 1, "days")).hasMessageContaining("days=week");
    }

    @Test
    void namesOfARawQueryIncludeUnknownOnes() {
        assertThat(UriParameters.names("sig=abc&sv=2020&tier=cool&flag")).containsExactly("sig", "sv", "tier", "flag");
        assertThat(UriParameters.names(null)).isEmpty();
    }
}
