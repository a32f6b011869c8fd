/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.support.jdbc.Jdbc;
import dev.planb.testing.server.MariaDbServer;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a refused login says, against a real MariaDB server. */
class MariaDbLoginMessageTest {

    private static final String DRIVER = "org.mariadb.jdbc:mariadb-java-client";

    @Test
    void aWrongPasswordEqualToTheUserNameStillNamesTheUser() {
        String url = MariaDbServer.shared().newDatabase().jdbcUrl();
        DatabaseSource wrong = DatabaseSource.of(url, MariaDbServer.USER, Secret.of(MariaDbServer.USER));

        assertThatThrownBy(() -> Jdbc.connect(wrong, url, new Properties(), DRIVER)).isInstanceOf(PlanBException.class)
                .hasMessageContaining("as user " + MariaDbServer.USER)
                .hasMessageContaining("'" + MariaDbServer.USER + "'@'127.0.0.1'")
                .hasMessageNotContaining("******");
    }

    @Test
    void aWrongPasswordThatIsNotTheUserNameIsStillMasked() {
        String url = MariaDbServer.shared().newDatabase().jdbcUrl();
        String password = "pw-" + MariaDbServer.USER;
        DatabaseSource wrong = DatabaseSource.of(url + "?password=" + password, MariaDbServer.USER, Secret.of(password));

        assertThatThrownBy(() -> Jdbc.connect(wrong, url, new Properties(), DRIVER)).isInstanceOf(PlanBException.class)
                .hasMessageContaining("'" + MariaDbServer.USER + "'@'127.0.0.1'")
                .hasMessageNotContaining(password);
    }
}
