/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.destination;

import dev.planb.spi.IncompleteWrite;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import dev.planb.spi.CommittingWriter;
import dev.planb.spi.support.TemporaryNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A folder on a local or mounted file system. An object is written to a hidden temporary file
 * beside its final name ({@code .<name>.partial-<random>}), flushed to disk, then renamed
 * atomically; temporary files are never listed, so an interrupted write is invisible.
 *
 * <pre>{@code
 * Destination local = new LocalDirectoryDestination(Path.of("/var/backups/app"));
 * }</pre>
 */
public final class LocalDirectoryDestination implements Destination {

    private final Path root;

    /**
     * Makes a destination rooted at a folder, which is created on the first write.
     *
     * @param root the folder; relative to the working directory unless absolute
     * @throws PlanBException {@link ErrorCode#INVALID_SETTING} when {@code root} is {@code null}
     */
    public LocalDirectoryDestination(Path root) {
        if (root == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "destination folder is not set");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@return the folder backups are written to, absolute and normalized} */
    public Path root() {
        return root;
    }

    @Override
    public String description() {
        return root.toUri().toString().replaceFirst("/$", "").replaceFirst("^file:///", "file:/");
    }

    @Override
    public ObjectWriter create(String key) throws IOException {
        Path target = resolve(key);
        Path temporary = target.resolveSibling(TemporaryNames.next(target.getFileName().toString()));
        try {
            Files.createDirectories(target.getParent());
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new FileWriter(channel, new DirectFileOutput(temporary, channel), temporary, target);
        } catch (IOException e) {
            throw explain("Cannot write to", e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = resolve(key);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw explain("Cannot read", e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            if (Files.exists(root)) {
                throw new IOException(root + " is not a folder");
            }
            return List.of();
        }
        List<StoredObject> objects = new ArrayList<>();
        try {
            forEachFile((key, attributes) -> {
                if (!key.substring(key.lastIndexOf('/') + 1).startsWith(".") && key.startsWith(prefix)) {
                    objects.add(new StoredObject(key, attributes.size()));
                }
            });
        } catch (IOException e) {
            throw explain("Cannot list", e);
        }
        return objects;
    }

    /** The hidden {@code .<name>.partial-<random>} files that killed runs left behind. */
    @Override
    public List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<IncompleteWrite> writes = new ArrayList<>();
        try {
            forEachFile((handle, attributes) -> TemporaryNames.targetOf(handle)
                    .filter(target -> target.startsWith(prefix))
                    .ifPresent(key -> writes.add(new IncompleteWrite(key, handle, attributes.size(),
                            attributes.lastModifiedTime().toInstant()))));
        } catch (IOException e) {
            throw explain("Cannot list", e);
        }
        return writes;
    }

    /**
     * Gives the key and attributes of every regular file under the folder, hidden ones too, through the folder's
     * link when the folder is one (a mount point linked into place, say). A file or folder that goes while the walk
     * passes (a write completing under its final name, a prune) is passed over, as if the walk had come a moment
     * later.
     */
    private void forEachFile(BiConsumer<String, BasicFileAttributes> visitor) throws IOException {
        Path start;
        try {
            start = root.toRealPath();
        } catch (NoSuchFileException e) {
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                BasicFileAttributes target = attributes.isSymbolicLink() ? linkTarget(file) : attributes;
                if (target != null && target.isRegularFile()) {
                    visitor.accept(start.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"),
                            target);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The attributes of what {@code link} points to, or null when that is gone. */
    private static BasicFileAttributes linkTarget(Path link) throws IOException {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void discard(IncompleteWrite write) throws IOException {
        delete(write.handle());
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = resolve(key);
        try {
            Files.deleteIfExists(file);
            removeEmptyFolders(file.getParent());
        } catch (IOException e) {
            throw explain("Cannot delete from", e);
        }
    }

    @Override
    public String toString() {
        return "LocalDirectoryDestination[" + root + "]";
    }

    private void removeEmptyFolders(Path folder) throws IOException {
        for (Path current = folder; current != null && current.startsWith(root) && !current.equals(root);
                current = current.getParent()) {
            try {
                Files.deleteIfExists(current);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private Path resolve(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException("invalid key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("key escapes the destination folder: " + key);
        }
        return path;
    }

    private IOException explain(String action, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied on " + ((FileSystemException) e).getFile();
        } else if (e instanceof FileSystemException fs) {
            reason = (fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason()) + " (" + fs.getFile() + ")";
        } else {
            reason = e.getMessage();
        }
        return new IOException(action + " " + description() + ": " + reason, e);
    }

    /**
     * Writes to a hidden temporary file, sending it to disk as it grows (past the page cache once it is larger than
     * a megabyte, {@link DirectFileOutput}); commit waits until all of it is on disk and renames it into place.
     */
    private final class FileWriter extends CommittingWriter {
        private final FileChannel channel;
        private final DirectFileOutput output;
        private final Path temporary;
        private final Path target;
        private final BackgroundSync sync;

        FileWriter(FileChannel channel, DirectFileOutput output, Path temporary, Path target) {
            super(target.toString(), output);
            this.channel = channel;
            this.output = output;
            this.temporary = temporary;
            this.target = target;
            this.sync = new BackgroundSync(() -> channel.force(false));
        }

        @Override
        protected void send(byte[] bytes, int offset, int length) throws IOException {
            long cached = output.writtenThroughPageCache();
            super.send(bytes, offset, length);
            sync.written(output.writtenThroughPageCache() - cached);
        }

        @Override
        protected IOException failed(IOException failure) {
            return explain("Cannot write to", failure);
        }

        @Override
        protected void finish() throws IOException {
            try {
                output.close();
                sync.await();
                channel.force(true);
                channel.close();
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                syncFolder(target.getParent());
            } catch (IOException e) {
                throw explain("Cannot write to", e);
            }
        }

        @Override
        protected void abort() throws IOException {
            output.discard();
            channel.close();
            Files.deleteIfExists(temporary);
            removeEmptyFolders(temporary.getParent());
        }

        private void syncFolder(Path folder) {
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException e) {
                // Not every platform can sync a folder; the rename itself is still atomic.
            }
        }
    }
}
