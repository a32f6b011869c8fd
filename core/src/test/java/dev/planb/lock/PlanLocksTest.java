/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.spi.PlanLock;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanLocksTest {

    private static final DatabaseSource IN_MEMORY = DatabaseSource.of("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");

    @Test
    void anInMemoryH2DatabaseIsNotBlockedByAnotherApplicationsLockFileOnTheHost() {
        // what another application on this host, with its own in-memory database and a plan of the same name, holds
        LockFile hostWide = new LockFile(Path.of(System.getProperty("java.io.tmpdir"), "planb-locks"));
        try (PlanLock.Lease other = hostWide.tryAcquire("orders-plan").orElseThrow()) {
            Optional<PlanLock.Lease> ours = PlanLocks.defaultFor(IN_MEMORY).tryAcquire("orders-plan");
            assertThat(ours).isPresent();
            ours.get().close();
        }
    }

    @Test
    void twoRuntimesInOneJvmStillTakeTurnsOnAnInMemoryDatabase() {
        PlanLock first = PlanLocks.defaultFor(IN_MEMORY);
        PlanLock second = PlanLocks.defaultFor(IN_MEMORY);

        PlanLock.Lease lease = first.tryAcquire("turns").orElseThrow();
        assertThat(second.tryAcquire("turns")).isEmpty();
        assertThat(second.tryAcquire("another-plan")).hasValueSatisfying(PlanLock.Lease::close);
        lease.close();
        assertThat(second.tryAcquire("turns")).hasValueSatisfying(PlanLock.Lease::close);
    }

    @Test
    void h2FilesAndServersKeepTheHostWideLockFile() {
        assertThat(PlanLocks.defaultFor(DatabaseSource.of("jdbc:h2:/var/lib/app/db")))
                .isInstanceOf(LockFile.class);
        assertThat(PlanLocks.defaultFor(DatabaseSource.of("jdbc:h2:tcp://localhost/~/app")))
                .isInstanceOf(LockFile.class);
        assertThat(PlanLocks.defaultFor(IN_MEMORY).description()).contains("this JVM");
    }
}
