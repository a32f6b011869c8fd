/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import java.util.regex.Pattern;

/** Removes credentials from URLs before they reach a message or a log line. */
public final class Redaction {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^?;]*@");

    private Redaction() {
    }

    /** The URL with password parameters and {@code user:password@} replaced by {@code ******}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String withoutParameters = PASSWORD_PARAMETER.matcher(url).replaceAll("$1******");
        return USER_INFO.matcher(withoutParameters).replaceAll("$1:******@");
    }

    /**
     * The text with every occurrence of {@code secret} replaced by {@code ******}: for messages of
     * libraries that may quote a URL or a token they were given.
     */
    public static String secret(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "******");
    }
}
