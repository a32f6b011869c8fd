/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canary of a protection check: the object {@link dev.planb.spi.Destination#checkProtection()}
 * writes and then tries to delete. Canaries live under {@link #FOLDER}, outside every plan's
 * folder, so they are never mistaken for backups; a destination that checks protection its own way
 * (S3 with Object Lock, say) names and fills its canary with these methods too.
 */
public final class CanaryCheck {

    /** Where canary objects are written. */
    public static final String FOLDER = ".planb-check/";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CanaryCheck() {
    }

    /**
     * Makes a new, unique canary key.
     *
     * @param now the time the key is named after
     * @return the key, e.g. {@code .planb-check/canary-20261124T235903Z-3fa9c1.txt}
     */
    public static String newKey(Instant now) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return FOLDER + "canary-" + TIME.format(now) + "-" + HexFormat.of().formatHex(suffix) + ".txt";
    }

    /**
     * Makes the canary's content, which says what it is for whoever finds it.
     *
     * @param now the time the content names as when it was written
     * @return the text, UTF-8
     */
    public static byte[] content(Instant now) {
        return ("Written by `planb check` at " + now + " to test whether these credentials can delete backups.\n"
                + "It can be deleted by anyone who is allowed to.\n").getBytes(StandardCharsets.UTF_8);
    }
}
