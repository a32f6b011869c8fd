/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import java.util.Locale;

/** Human-readable byte counts. */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    /**
     * Formats a byte count for people.
     *
     * @param bytes the count
     * @return e.g. {@code 512 B} or {@code 1.5 MiB}: whole bytes below 1 KiB, else one decimal in the largest
     *     binary unit (up to TiB) the count reaches
     */
    public static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
