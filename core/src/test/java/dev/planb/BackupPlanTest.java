/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupPlanTest {

    @TempDir
    Path tmp;

    @Test
    void buildsAValidPlanWithDefaults() {
        Destination a = destination("a");
        Destination b = destination("b");

        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:app.db"))
                .destination(a).destination(b).build();

        assertThat(plan.name()).isEqualTo("app");
        assertThat(plan.engine().name()).isEqualTo("sqlite");
        assertThat(plan.compression()).isEqualTo(Compression.ZSTD);
        assertThat(plan.destinations()).containsExactly(a, b);
        assertThatThrownBy(() -> plan.destinations().add(a)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(BackupPlan.builder("h").database(DatabaseSource.of("jdbc:h2:mem:x")).destination(a).build()
                .engine().name()).isEqualTo("h2");
    }

    @Test
    void missingDestinationIsNamed() {
        assertInvalid(() -> BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:app.db")).build(),
                ErrorCode.INVALID_SETTING).hasMessageContaining("Plan 'app'").hasMessageContaining("destination");
    }

    @Test
    void missingDatabaseIsNamed() {
        assertInvalid(() -> BackupPlan.builder("app").destination(destination("a")).build(), ErrorCode.INVALID_SETTING)
                .hasMessageContaining("Plan 'app'").hasMessageContaining("database");
    }

    @Test
    void unsetCompressionIsThePreferredOneZstdWhereItLoads() {
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:app.db"))
                .compression(null).destination(destination("a")).build();
        assertThat(plan.compression()).isEqualTo(Compression.preferred()).isEqualTo(Compression.ZSTD);
    }

    @Test
    void badNameIsNamed() {
        assertInvalid(() -> BackupPlan.builder("My App").database(DatabaseSource.of("jdbc:sqlite:app.db"))
                .destination(destination("a")).build(), ErrorCode.INVALID_SETTING)
                .hasMessageContaining("'My App'").hasMessageContaining("plan name");
    }

    @Test
    void duplicateDestinationIsNamed() {
        assertInvalid(() -> BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:app.db"))
                .destination(destination("a")).destination(destination("a")).build(), ErrorCode.INVALID_SETTING)
                .hasMessageContaining("Plan 'app'").hasMessageContaining(destination("a").description());
    }

    @Test
    void unknownJdbcUrlListsTheEnginesPresentWithoutSecrets() {
        assertInvalid(() -> BackupPlan.builder("app")
                .database(DatabaseSource.of("jdbc:oracle://scott:tiger-pw@db/orcl?password=other-pw"))
                .destination(destination("a")).build(), ErrorCode.NO_ENGINE)
                .hasMessageContaining("Plan 'app'")
                .hasMessageContaining("sqlite (jdbc:sqlite:)")
                .hasMessageContaining("h2 (jdbc:h2:)")
                .hasMessageNotContaining("tiger-pw")
                .hasMessageNotContaining("other-pw");
    }

    @Test
    void theJdbcUrlChoosesTheEngine() {
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:postgresql://db/app"))
                .destination(destination("a")).build();

        assertThat(plan.engine().name()).isEqualTo("postgresql");
    }

    @Test
    void toStringHasNoPassword() {
        BackupPlan plan = BackupPlan.builder("app")
                .database(DatabaseSource.of("jdbc:h2:mem:x;PASSWORD=url-pw", "sa", Secret.of("secret-pw")))
                .destination(destination("a")).build();

        assertThat(plan.toString()).contains("app").doesNotContain("url-pw").doesNotContain("secret-pw");
    }

    private Destination destination(String name) {
        return new LocalDirectoryDestination(tmp.resolve(name));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
