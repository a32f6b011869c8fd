/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.page;

/** Text made safe to put in HTML and SVG, between tags and in quoted attributes. */
final class Html {

    private Html() {
    }

    /** {@code value}'s text with {@code < > & " '} escaped. */
    static String text(Object value) {
        String plain = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
