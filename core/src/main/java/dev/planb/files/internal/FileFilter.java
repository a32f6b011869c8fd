/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Include and exclude globs, matched against paths relative to the tree's root. A glob without
 * {@code /} matches the file name at any depth, as in {@code .gitignore}.
 */
final class FileFilter {

    private final List<Glob> includes;
    private final List<Glob> excludes;

    FileFilter(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(Glob::new).toList();
        this.excludes = excludes.stream().map(Glob::new).toList();
    }

    /** Whether a folder is entered. */
    boolean entersFolder(String relative) {
        return excludes.stream().noneMatch(glob -> glob.matches(relative));
    }

    /** Whether a file, link or special file is kept. */
    boolean keepsFile(String relative) {
        return (includes.isEmpty() || includes.stream().anyMatch(glob -> glob.matches(relative)))
                && excludes.stream().noneMatch(glob -> glob.matches(relative));
    }

    private static final class Glob {
        private final PathMatcher matcher;
        private final boolean byName;

        Glob(String pattern) {
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            this.byName = !pattern.contains("/");
        }

        boolean matches(String relative) {
            Path path = Path.of(relative);
            return matcher.matches(path) || byName && matcher.matches(path.getFileName());
        }
    }
}
