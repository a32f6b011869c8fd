/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRefTest {

    @TempDir
    Path folder;

    @Test
    void readsAnEnvironmentVariable() {
        SecretRef ref = SecretRef.environment("PGPW");
        assertThat(ref.resolve(Map.of("PGPW", "s3cret")::get).reveal()).isEqualTo("s3cret");
        assertThat(ref).hasToString("environment variable PGPW");
        assertThatThrownBy(() -> ref.resolve(Map.<String, String>of()::get))
                .hasMessage("environment variable PGPW is not set: export it with the secret, then run again");
    }

    @Test
    void readsAFileWithoutItsTrailingLineBreak() throws Exception {
        Path file = Files.writeString(folder.resolve("pgpw"), "s3cret\n");
        assertThat(SecretRef.file(file).resolve().reveal()).isEqualTo("s3cret");
        Files.writeString(file, "two\nlines\r\n");
        assertThat(SecretRef.file(file).resolve().reveal()).isEqualTo("two\nlines");
        assertThat(SecretRef.file(file)).hasToString("file " + file);
        Path missing = folder.resolve("missing");
        assertThatThrownBy(() -> SecretRef.file(missing).resolve())
                .hasMessage("secret file " + missing + " does not exist: create it (mode 0600) holding only the secret");
    }

    @Test
    void anInlineValueIsNeverShown() {
        SecretRef ref = SecretRef.inline("s3cret");
        assertThat(ref.isInline()).isTrue();
        assertThat(ref.resolve().reveal()).isEqualTo("s3cret");
        assertThat(ref.toString()).doesNotContain("s3cret").isEqualTo("******");
    }

    @Test
    void oneSettingTakesOneForm() {
        assertThat(SecretRef.of("plans.app.database.password", null, null, null)).isEmpty();
        assertThat(SecretRef.of("plans.app.database.password", null, "PGPW", null)).contains(SecretRef.environment("PGPW"));
        assertThatThrownBy(() -> SecretRef.of("plans.app.database.password", "x", "PGPW", null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting plans.app.database.password: set only one of password, password-env and"
                        + " password-file")
                .hasMessageNotContaining("x,");
    }
}
