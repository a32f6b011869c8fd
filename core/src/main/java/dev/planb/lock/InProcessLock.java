/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.lock;

import dev.planb.spi.PlanLock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PlanLock} that only the runtimes of this JVM see: the default for a database that lives in one JVM's memory
 * (H2's {@code jdbc:h2:mem:}), which no other process can back up. A lock file shared by the host would let an
 * unrelated application with its own in-memory database, and a plan of the same name, skip this one's ticks.
 */
final class InProcessLock implements PlanLock {

    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Lease> tryAcquire(String plan) {
        if (!HELD.add(plan)) {
            return Optional.empty();
        }
        return Optional.of(() -> HELD.remove(plan));
    }

    @Override
    public String description() {
        return "lock in this JVM (in-memory database)";
    }

    @Override
    public String toString() {
        return description();
    }
}
