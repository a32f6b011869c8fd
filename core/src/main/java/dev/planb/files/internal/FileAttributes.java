/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

/**
 * What a tar header records about one file, read in one system call without following links.
 *
 * @param kind what the file is
 * @param mode the file's mode: type bits and permission bits
 * @param uid the owner's number
 * @param gid the group's number
 * @param owner the owner's name
 * @param group the group's name
 * @param size the size in bytes
 * @param modified the modification time
 */
record FileAttributes(Kind kind, int mode, int uid, int gid, String owner, String group, long size,
        FileTime modified) {

    /** The kinds of file a tree holds. */
    enum Kind { DIRECTORY, FILE, SYMLINK, OTHER }

    static FileAttributes read(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
        Kind kind = Boolean.TRUE.equals(unix.get("isDirectory")) ? Kind.DIRECTORY
                : Boolean.TRUE.equals(unix.get("isRegularFile")) ? Kind.FILE
                : Boolean.TRUE.equals(unix.get("isSymbolicLink")) ? Kind.SYMLINK
                : Kind.OTHER;
        return new FileAttributes(kind, (Integer) unix.get("mode"), (Integer) unix.get("uid"),
                (Integer) unix.get("gid"), ((UserPrincipal) unix.get("owner")).getName(),
                ((GroupPrincipal) unix.get("group")).getName(), (Long) unix.get("size"),
                (FileTime) unix.get("lastModifiedTime"));
    }

    /** The permission bits, with set-user-id, set-group-id and sticky. */
    int permissions() {
        return mode & 07777;
    }

    /** Whether this is a named pipe (FIFO), the one special file a tar archive restores. */
    boolean isFifo() {
        return (mode & 0170000) == 0010000;
    }

    /** Whether a file still looks as it did: same kind, size and modification time. */
    boolean sameContentAs(FileAttributes other) {
        return kind == other.kind && size == other.size && modified.equals(other.modified);
    }
}
