/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import com.github.luben.zstd.util.Native;
import java.util.Optional;

/**
 * Whether zstd's native library loads on this platform. zstd-jni bundles it for the common operating systems and
 * processors; on others (or when the jar is excluded) it cannot load, and PlanB falls back to gzip for new backups
 * rather than failing every one.
 */
public final class ZstdLibrary {

    private static final Optional<String> PROBLEM = probe();

    private ZstdLibrary() {
    }

    /** True when zstd can compress and decompress in this JVM. */
    public static boolean available() {
        return PROBLEM.isEmpty();
    }

    /** Why zstd cannot be used here (the loader's own message), or empty when it can. */
    public static Optional<String> problem() {
        return PROBLEM;
    }

    private static Optional<String> probe() {
        try {
            Native.load();
            return Optional.empty();
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError (no library for this platform), NoClassDefFoundError (zstd-jni not on the class path)
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
