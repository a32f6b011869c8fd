/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for plan names: they become folder names on every destination. */
public final class PlanName {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private PlanName() {
    }

    /** Whether {@code name} is a valid plan name: lower-case letters, digits, '.', '_' and '-'. */
    public static boolean isValid(String name) {
        return name != null && FORMAT.matcher(name).matches();
    }

    /**
     * Checks a plan name.
     *
     * @throws PlanBException naming the bad value and the rule
     */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "plan name '" + name
                    + "' is invalid: use 1 to 63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** Turns any text (such as a database file name) into a valid plan name. */
    public static String derive(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return cleaned.isEmpty() ? "default" : cleaned;
    }
}
