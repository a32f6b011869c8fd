/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a tree in {@link PathOrder}: each folder's names sorted, a folder's content right after
 * it, links never followed. Memory holds one folder listing per level, whatever the tree's size.
 */
final class TreeWalker {

    /** Receives what the walk finds. */
    interface Visitor {
        /** A folder, a regular file, a link or a special file that passed the filter. */
        void visit(String relative, Path path, FileAttributes attributes) throws IOException;

        /** Something listed that was gone when it was looked at. */
        void vanished(String relative);

        /** A folder or file that cannot be read. */
        void unreadable(String relative, IOException error) throws IOException;
    }

    private final Path root;
    private final FileFilter filter;

    TreeWalker(Path root, FileFilter filter) {
        this.root = root;
        this.filter = filter;
    }

    /** Walks the tree below the root (the root itself is not visited). */
    void walk(Visitor visitor) throws IOException {
        walkFolder(root, "", visitor);
    }

    private void walkFolder(Path folder, String prefix, Visitor visitor) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            children.forEach(child -> names.add(child.getFileName().toString()));
        } catch (NoSuchFileException e) {
            visitor.vanished(prefix.isEmpty() ? "." : prefix.substring(0, prefix.length() - 1));
            return;
        } catch (AccessDeniedException e) {
            visitor.unreadable(prefix.isEmpty() ? "." : prefix.substring(0, prefix.length() - 1), e);
            return;
        }
        names.sort(null);
        for (String name : names) {
            String relative = prefix + name;
            Path path = folder.resolve(name);
            FileAttributes attributes;
            try {
                attributes = FileAttributes.read(path);
            } catch (NoSuchFileException e) {
                visitor.vanished(relative);
                continue;
            }
            if (attributes.kind() == FileAttributes.Kind.DIRECTORY) {
                if (filter.entersFolder(relative)) {
                    visitor.visit(relative, path, attributes);
                    walkFolder(path, relative + "/", visitor);
                }
            } else if (filter.keepsFile(relative)) {
                visitor.visit(relative, path, attributes);
            }
        }
    }
}
