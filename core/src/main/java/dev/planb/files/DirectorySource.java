/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.PlanName;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A directory tree backed up beside the database, in the same backup: stored as one tar artifact
 * ({@code files-<name>.tar.zst}) with POSIX (PAX) headers, so long and non-ASCII names,
 * permissions, owners, modification times and symbolic links survive. Symbolic links are stored
 * as links, never followed.
 *
 * <pre>{@code
 * BackupPlan plan = BackupPlan.builder("app")
 *         .database(DatabaseSource.of("jdbc:sqlite:/var/lib/app/app.db"))
 *         .files(DirectorySource.builder(Path.of("/var/lib/app/uploads"))
 *                 .exclude("cache/**", "*.tmp")
 *                 .incremental(true)
 *                 .build())
 *         .files(DirectorySource.of(Path.of("/etc/app")))
 *         .destination(new LocalDirectoryDestination(Path.of("/var/backups")))
 *         .build();
 * }</pre>
 *
 * <p>Globs ({@link java.nio.file.FileSystem#getPathMatcher glob syntax}) match the path relative
 * to the directory, with {@code /} separators: {@code *} stays within one folder, {@code **}
 * crosses folders. A glob without {@code /} matches the file name at any depth, as in
 * {@code .gitignore}: {@code *.jpg} matches {@code a.jpg} and {@code photos/2026/b.jpg}. An
 * excluded folder is not entered. Includes, when given, select the files and links to keep;
 * folders are always kept.
 */
public final class DirectorySource {

    private final Path directory;
    private final String name;
    private final List<String> includes;
    private final List<String> excludes;
    private final boolean incremental;
    private final boolean skipUnreadable;

    private DirectorySource(Builder builder, String name) {
        this.directory = builder.directory;
        this.name = name;
        this.includes = List.copyOf(builder.includes);
        this.excludes = List.copyOf(builder.excludes);
        this.incremental = builder.incremental;
        this.skipUnreadable = builder.skipUnreadable;
    }

    /**
     * The whole tree under a directory, named after the directory, not incremental.
     *
     * @param directory the tree's root; made absolute and normalized
     * @return the source
     * @throws PlanBException when {@code directory} is null or no valid name can be derived from it
     */
    public static DirectorySource of(Path directory) {
        return builder(directory).build();
    }

    /**
     * Starts a source for the tree under a directory.
     *
     * @param directory the tree's root; made absolute and normalized
     * @return a builder to set name, globs and options on
     * @throws PlanBException when {@code directory} is null
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** {@return the directory, absolute and normalized} */
    public Path directory() {
        return directory;
    }

    /** {@return the source's name, unique within a plan: it names the artifact {@code files-<name>.tar}} */
    public String name() {
        return name;
    }

    /** {@return the globs selecting the files to keep; empty keeps every file} */
    public List<String> includes() {
        return includes;
    }

    /** {@return the globs of files and folders to leave out} */
    public List<String> excludes() {
        return excludes;
    }

    /**
     * {@return whether files unchanged since the previous backup (size, modification time and SHA-256) are not stored
     * again}
     */
    public boolean incremental() {
        return incremental;
    }

    /** {@return whether files that cannot be read are left out and listed, instead of failing the run} */
    public boolean skipUnreadable() {
        return skipUnreadable;
    }

    @Override
    public String toString() {
        return "DirectorySource[" + name + ": " + directory + "]";
    }

    /** Builds a {@link DirectorySource}; {@link #build()} names any bad setting. */
    public static final class Builder {
        private final Path directory;
        private String name;
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private boolean incremental;
        private boolean skipUnreadable;

        private Builder(Path directory) {
            if (directory == null) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "files: the directory is not set");
            }
            this.directory = directory.toAbsolutePath().normalize();
        }

        /**
         * The source's name (default: the directory's name, made valid): lower-case letters,
         * digits, '.', '_' and '-'. Checked by {@link #build()}.
         *
         * @param name the name, or null for the default
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Keeps only files and links matching one of these globs (repeatable; adds to earlier calls).
         *
         * @param globs globs relative to the directory; checked by {@link #build()}
         * @return this builder
         */
        public Builder include(String... globs) {
            includes.addAll(List.of(globs));
            return this;
        }

        /**
         * Leaves out files, links and folders matching one of these globs (repeatable; adds to earlier calls).
         *
         * @param globs globs relative to the directory; checked by {@link #build()}
         * @return this builder
         */
        public Builder exclude(String... globs) {
            excludes.addAll(List.of(globs));
            return this;
        }

        /**
         * Stores only files changed since the previous backup of this source (default: every file).
         *
         * @param incremental true to skip unchanged files
         * @return this builder
         */
        public Builder incremental(boolean incremental) {
            this.incremental = incremental;
            return this;
        }

        /**
         * Leaves out and lists files that cannot be read, instead of failing the run (default: fail).
         *
         * @param skipUnreadable true to skip unreadable files, false to fail the run on the first one
         * @return this builder
         */
        public Builder skipUnreadable(boolean skipUnreadable) {
            this.skipUnreadable = skipUnreadable;
            return this;
        }

        /**
         * Checks the settings and makes the source. That the directory exists is checked when a
         * backup starts.
         *
         * @return the source
         * @throws PlanBException naming the bad setting (an invalid name or glob)
         */
        public DirectorySource build() {
            Path fileName = directory.getFileName();
            String effective = name != null ? name : PlanName.derive(fileName == null ? "root" : fileName.toString());
            if (!PlanName.isValid(effective)) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "files " + directory + ": name '" + effective
                        + "' is invalid: use 1 to 63 lower-case letters, digits, '.', '_' or '-'");
            }
            for (String glob : concat(includes, excludes)) {
                checkGlob(Objects.requireNonNull(glob, "glob"));
            }
            return new DirectorySource(this, effective);
        }

        private void checkGlob(String glob) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "files " + directory + ": glob '" + glob
                        + "' is invalid (" + e.getMessage().lines().findFirst().orElse("") + "): fix the pattern");
            }
            if (glob.isBlank() || glob.startsWith("/")) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "files " + directory + ": glob '" + glob
                        + "' must be a non-empty path relative to the directory");
            }
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
