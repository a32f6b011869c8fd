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

    /**
     * Hides a URL's credentials.
     *
     * @param url the URL, or {@code null}
     * @return the URL with the values of password, token and secret parameters and the password of
     *     {@code user:password@} replaced by {@code ******}; {@code null} for {@code null}
     */
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
     *
     * @param text the text, or {@code null}
     * @param secret the secret to hide; {@code null} or empty hides nothing
     * @return the text without the secret
     */
    public static String secret(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "******");
    }
}
