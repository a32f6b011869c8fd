/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import java.util.Comparator;

/**
 * The order in which a tree is walked, archived and indexed: folder by folder, names sorted, a
 * folder's content right after it. Comparing paths segment by segment gives that order, so an
 * archive and an index can be read side by side without holding either in memory.
 */
final class PathOrder {

    /** Compares {@code /}-separated relative paths in walk order. */
    static final Comparator<String> WALK = PathOrder::compare;

    private PathOrder() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = segmentEnd(a, i);
            int endB = segmentEnd(b, j);
            int order = a.substring(i, endA).compareTo(b.substring(j, endB));
            if (order != 0) {
                return order;
            }
            i = endA + 1;
            j = endB + 1;
        }
        return Integer.compare(a.length() - Math.min(i, a.length()), b.length() - Math.min(j, b.length()));
    }

    private static int segmentEnd(String path, int from) {
        int slash = path.indexOf('/', from);
        return slash < 0 ? path.length() : slash;
    }
}
