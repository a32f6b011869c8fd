/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known word closest to a mistyped one, for "did you mean" hints. */
final class Suggestions {

    private Suggestions() {
    }

    /** The candidate at most two edits (or a third of the word) away from {@code word}, if any. */
    static Optional<String> closest(String word, Collection<Object> candidates) {
        int limit = Math.max(2, word.length() / 3);
        return candidates.stream().map(String::valueOf)
                .filter(candidate -> distance(word, candidate) <= limit)
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
