/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.DatabaseEngine;
import org.junit.jupiter.api.Test;

/**
 * For engines whose databases take a password: a wrong password is rejected with a clear
 * message that never shows the password. Implement it beside
 * {@link AbstractDatabaseEngineContractTest}.
 */
public interface CredentialsContract {

    /** {@return the engine under test} */
    DatabaseEngine engine();

    /**
     * {@return an existing database, given with a wrong password whose text is {@link #WRONG_PASSWORD}}
     *
     * @throws Exception when the database cannot be created; the test fails with it
     */
    DatabaseSource databaseWithWrongPassword() throws Exception;

    /** The wrong password to use, which must never appear in a message. */
    String WRONG_PASSWORD = "not-the-password-7f3a";

    /**
     * The engine's {@code checkReadable} fails with {@link ErrorCode#DATABASE_UNAVAILABLE}, and neither its message
     * nor its cause shows the password.
     *
     * @throws Exception when the database cannot be prepared
     */
    @Test
    default void wrongPasswordIsRejectedWithoutShowingIt() throws Exception {
        DatabaseSource source = databaseWithWrongPassword();
        assertThatThrownBy(() -> engine().checkReadable(source))
                .isInstanceOfSatisfying(PlanBException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain(WRONG_PASSWORD);
                    assertThat(String.valueOf(e.getCause())).doesNotContain(WRONG_PASSWORD);
                });
    }
}
