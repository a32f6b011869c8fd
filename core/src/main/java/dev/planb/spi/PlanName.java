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

    /**
     * Tells whether a plan name is valid.
     *
     * @param name the name, or {@code null}
     * @return whether it has 1 to 63 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit
     */
    public static boolean isValid(String name) {
        return name != null && FORMAT.matcher(name).matches();
    }

    /**
     * Checks a plan name.
     *
     * @param name the name to check
     * @return {@code name}, unchanged
     * @throws PlanBException naming the bad value and the rule
     */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "plan name '" + name
                    + "' is invalid: use 1 to 63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /**
     * Turns any text (such as a database file name) into a valid plan name.
     *
     * @param text the text, not null
     * @return the text in lower case, runs of other characters than letters, digits, '.', '_' and '-' as
     *     {@code -}, leading '.', '_' and '-' dropped, cut to 63 characters; {@code default} when nothing is left
     */
    public static String derive(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return cleaned.isEmpty() ? "default" : cleaned;
    }
}
