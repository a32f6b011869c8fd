/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.planb.spi.Destination;
import dev.planb.spi.IncompleteWrite;
import dev.planb.ErrorCode;
import dev.planb.spi.ObjectWriter;
import dev.planb.PlanBException;
import dev.planb.spi.StoredObject;
import dev.planb.spi.CommittingWriter;
import dev.planb.spi.support.ResumingInputStream;
import dev.planb.spi.support.TemporaryNames;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A folder on any rclone remote — Google Drive, OneDrive, Dropbox, Backblaze B2, SMB, WebDAV,
 * Swift and every other backend rclone has — driven through the {@code rclone} binary the way
 * engines drive {@code pg_dump}: {@code rcat} streams each upload to a hidden temporary name,
 * {@code moveto} puts it in place once complete, {@code cat} reads, {@code lsjson} lists and
 * {@code deletefile} deletes. The remote is configured in the user's {@code rclone.conf}
 * (found as rclone finds it, {@code RCLONE_CONFIG} included), so its secrets never pass through
 * PlanB or onto a command line.
 *
 * <pre>{@code
 * Destination drive = RcloneDestination.builder().remote("gdrive").path("backups/orders").build();
 * // or, as the command line writes it:
 * Destination same = RcloneUri.parse("rclone://gdrive:backups/orders");
 * }</pre>
 */
public final class RcloneDestination implements Destination {

    private static final JsonFactory JSON = new JsonFactory();

    private final RcloneSettings settings;
    private final Rclone rclone;
    private final RcloneErrors errors;

    private RcloneDestination(RcloneSettings settings) {
        this.settings = settings;
        this.rclone = new Rclone(settings);
        this.errors = new RcloneErrors(settings);
    }

    /**
     * Starts describing an rclone destination.
     *
     * @return a builder without a remote, which {@link Builder#build()} requires
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public ObjectWriter create(String key) {
        String target = settings.target(checked(key));
        String temporary = settings.target(TemporaryNames.next(key));
        return new RcloneWriter(rclone.start("rcat", temporary), temporary, target);
    }

    /**
     * Opens a stored file with {@code rclone cat}. A read that breaks off (a dropped connection to the remote) goes on
     * from the byte where it stopped ({@code rclone cat --offset}), up to {@value ResumingInputStream#ATTEMPTS} times
     * in a row without a byte read (pauses of 1, 2, 4, 8 and 16 s); the manifest's size and SHA-256, checked by the
     * reader at the end, prove what was read, as PlanB never rewrites a stored file.
     */
    @Override
    public InputStream open(String key) throws IOException {
        String target = settings.target(checked(key));
        return ResumingInputStream.open(offset -> openFrom(target, offset), description() + "/" + key);
    }

    private InputStream openFrom(String target, long offset) throws IOException {
        Rclone.Run cat = offset == 0 ? rclone.start("cat", target)
                : rclone.start("cat", "--offset", Long.toString(offset), target);
        cat.stdin().close();
        PushbackInputStream in = new PushbackInputStream(cat.stdout());
        int first;
        try {
            first = in.read();
        } catch (IOException e) {
            cat.kill();
            throw e;
        }
        if (first == -1) {
            int code = cat.await();
            if (code == Rclone.DIRECTORY_NOT_FOUND || code == Rclone.FILE_NOT_FOUND) {
                throw new NoSuchFileException(target, null, "no such file on the rclone remote");
            }
            if (code != 0) {
                throw errors.failure("Cannot read from", target, cat, code);
            }
            return InputStream.nullInputStream();
        }
        in.unread(first);
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return checkEnd(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return checkEnd(super.read(b, off, len));
            }

            /** rclone's exit code tells whether the end of its output was the end of the file. */
            private int checkEnd(int read) throws IOException {
                if (read == -1) {
                    int code = cat.await();
                    if (code != 0) {
                        throw errors.failure("Cannot read from", target, cat, code);
                    }
                }
                return read;
            }

            /** A reader that stops early is no failure: rclone is stopped rather than drained. */
            @Override
            public void close() throws IOException {
                if (cat.isAlive()) {
                    cat.kill();
                }
                super.close();
            }
        };
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        String folder = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/') + 1) : "";
        List<StoredObject> objects = new ArrayList<>();
        for (Listed file : listFiles(folder, false)) {
            String key = folder + file.path();
            if (!file.path().substring(file.path().lastIndexOf('/') + 1).startsWith(".") && key.startsWith(prefix)) {
                objects.add(new StoredObject(key, file.size()));
            }
        }
        return objects;
    }

    /** The hidden {@code .<name>.partial-<random>} files of uploads that killed runs left behind. */
    @Override
    public List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        List<IncompleteWrite> writes = new ArrayList<>();
        for (Listed file : listFiles("", true)) {
            TemporaryNames.targetOf(file.path()).filter(key -> key.startsWith(prefix)).ifPresent(key -> writes.add(
                    new IncompleteWrite(key, file.path(), file.size(), file.modified())));
        }
        return writes;
    }

    @Override
    public void discard(IncompleteWrite write) throws IOException {
        String target = settings.target(checked(write.handle()));
        Rclone.Run deletefile = rclone.runToEnd("deletefile", target);
        int code = deletefile.await();
        if (code != 0 && !isMissing(deletefile, code)) {
            if (RcloneErrors.refused(deletefile)) {
                throw errors.deleteNotPermitted(target, RcloneErrors.lastError(deletefile.error()));
            }
            throw errors.failure("Cannot delete from", target, deletefile, code);
        }
    }

    /** A file {@code rclone lsjson} found: its path below the listed folder, size and modification time. */
    private record Listed(String path, long size, Instant modified) {
    }

    /**
     * Every file below {@code folder} (a key prefix ending in {@code /}, or empty for the root), hidden ones too;
     * without {@code withModTime} rclone need not look up times (slow on some backends) and each is "now".
     */
    private List<Listed> listFiles(String folder, boolean withModTime) throws IOException {
        String start = folder.isEmpty() ? settings.root() : settings.target(folder.substring(0, folder.length() - 1));
        Rclone.Run lsjson = withModTime ? rclone.start("lsjson", "--recursive", "--files-only", "--no-mimetype", start)
                : rclone.start("lsjson", "--recursive", "--files-only", "--no-mimetype", "--no-modtime", start);
        lsjson.stdin().close();
        List<Listed> files = new ArrayList<>();
        IOException unreadable = null;
        try (JsonParser parser = JSON.createParser(lsjson.stdout())) {
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    String path = null;
                    long size = -1;
                    Instant modified = Instant.now();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        switch (field) {
                            case "Path" -> path = parser.getText();
                            case "Size" -> size = parser.getLongValue();
                            case "ModTime" -> modified = parser.getText().isEmpty() ? modified
                                    : OffsetDateTime.parse(parser.getText()).toInstant();
                            default -> parser.skipChildren();
                        }
                    }
                    if (path != null) {
                        files.add(new Listed(path, size, modified));
                    }
                }
            }
        } catch (IOException | DateTimeParseException e) {
            // rclone stopped mid-listing (its exit code says why), or printed something else: with the pipe
            // closed, it ends either way.
            unreadable = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        int code = lsjson.await();
        if (code == Rclone.DIRECTORY_NOT_FOUND) {
            return List.of(); // a folder nothing was written to yet has no files
        }
        if (code != 0) {
            throw errors.failure("Cannot list", start, lsjson, code);
        }
        if (unreadable != null) {
            throw new IOException("Cannot list " + settings.description() + ": rclone lsjson printed what is not JSON ("
                    + unreadable.getMessage() + ")", unreadable);
        }
        return files;
    }

    /**
     * Deletes the object. Refused with {@link ErrorCode#DELETE_NOT_PERMITTED} on a
     * {@link Builder#writeOnly(boolean) write-only} destination or when the remote refuses.
     */
    @Override
    public void delete(String key) throws IOException {
        String target = settings.target(checked(key));
        if (settings.writeOnly()) {
            throw errors.deleteNotPermitted(target, null);
        }
        Rclone.Run deletefile = rclone.runToEnd("deletefile", target);
        int code = deletefile.await();
        if (code == 0 || isMissing(deletefile, code)) {
            return;
        }
        if (RcloneErrors.refused(deletefile)) {
            throw errors.deleteNotPermitted(target, RcloneErrors.lastError(deletefile.error()));
        }
        throw errors.failure("Cannot delete from", target, deletefile, code);
    }

    @Override
    public boolean canDelete() {
        return !settings.writeOnly();
    }

    @Override
    public String toString() {
        return "RcloneDestination[" + description() + "]";
    }

    private static boolean isMissing(Rclone.Run run, int code) {
        String error = RcloneErrors.lastError(run.error()).toLowerCase(Locale.ROOT);
        return code == Rclone.DIRECTORY_NOT_FOUND || code == Rclone.FILE_NOT_FOUND || error.contains("doesn't exist")
                || error.contains("not found");
    }

    private static String checked(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")
                || List.of(key.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."))) {
            throw new IllegalArgumentException("invalid key: " + key);
        }
        return key;
    }

    /** Streams into {@code rclone rcat} under a temporary name; commit waits for rclone and moves the file into place. */
    private final class RcloneWriter extends CommittingWriter {
        private final Rclone.Run rcat;
        private final String temporary;
        private final String target;

        RcloneWriter(Rclone.Run rcat, String temporary, String target) {
            super(target, rcat.stdin());
            this.rcat = rcat;
            this.temporary = temporary;
            this.target = target;
        }

        /** rclone stopped reading: it ended, and its stderr says why. */
        @Override
        protected IOException failed(IOException e) {
            rcat.kill();
            IOException failure;
            try {
                failure = errors.failure("Cannot write to", target, rcat, rcat.await());
            } catch (IOException interrupted) {
                failure = interrupted;
            }
            failure.addSuppressed(e);
            return failure;
        }

        @Override
        protected void finish() throws IOException {
            try {
                out().close(); // end of input: rclone finishes the upload
            } catch (IOException e) {
                throw failed(e);
            }
            int code = rcat.await();
            if (code != 0) {
                throw errors.failure("Cannot write to", target, rcat, code);
            }
            Rclone.Run moveto = rclone.runToEnd("moveto", temporary, target);
            int moved = moveto.await();
            if (moved != 0) {
                throw errors.failure("Cannot move the upload into place on", target, moveto, moved);
            }
        }

        /** Stops rclone before it sees the end of input, so the partial upload is never completed, and removes it. */
        @Override
        protected void abort() {
            rcat.kill();
            try {
                rclone.runToEnd("deletefile", temporary);
            } catch (IOException | RuntimeException e) {
                // A hidden temporary file is never listed; it is only clutter.
            }
        }
    }

    /** Describes an rclone destination: a remote from rclone's config file and a folder on it. */
    public static final class Builder {
        private static final Pattern REMOTE_NAME = Pattern.compile("[\\w.+@ -]+");

        private String remote;
        private String path = "";
        private Path config;
        private String binary = "rclone";
        private boolean writeOnly;

        private Builder() {
        }

        /**
         * Sets the remote the backups go to (required). Only a named remote from the config file is
         * accepted: an on-the-fly remote or connection string could carry secrets onto rclone's command line.
         *
         * @param remote the remote's name as {@code rclone listremotes} shows it, without the colon
         * @return this builder
         */
        public Builder remote(String remote) {
            this.remote = remote;
            return this;
        }

        /**
         * Sets the folder on the remote the backups go to.
         *
         * @param path the folder as rclone takes it after {@code REMOTE:}, e.g. {@code backups/orders};
         *     {@code ""} (the default) for the remote's root
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Names rclone's config file, passed to rclone as {@code --config}.
         *
         * @param config the file that defines the remote; {@code null} (the default) lets rclone find it
         *     ({@code RCLONE_CONFIG}, then {@code ~/.config/rclone/rclone.conf})
         * @return this builder
         */
        public Builder config(Path config) {
            this.config = config;
            return this;
        }

        /**
         * Names the rclone executable to run.
         *
         * @param binary a path such as {@code /usr/local/bin/rclone}, or a command looked up on the
         *     {@code PATH} (default {@code rclone})
         * @return this builder
         */
        public Builder binary(String binary) {
            this.binary = binary;
            return this;
        }

        /**
         * The remote's credentials may not delete (the safer set-up: production cannot remove its
         * backups). PlanB then never tries; deletes fail with {@link ErrorCode#DELETE_NOT_PERMITTED}.
         *
         * @param writeOnly {@code true} when the remote's credentials cannot delete; default {@code false}
         * @return this builder
         */
        public Builder writeOnly(boolean writeOnly) {
            this.writeOnly = writeOnly;
            return this;
        }

        /**
         * Checks the settings and creates the destination; rclone is not run yet, so a missing binary
         * or remote shows on first use.
         *
         * @return the destination; it starts one rclone process per operation, so there is nothing to close
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming the bad setting
         */
        public RcloneDestination build() {
            require(remote != null && !remote.isBlank(), "remote is not set: give the name of a remote from rclone.conf "
                    + "('rclone listremotes' shows them)");
            require(REMOTE_NAME.matcher(remote).matches(), "remote '" + remote + "' is not the name of a remote in "
                    + "rclone.conf: on-the-fly remotes and connection strings can carry secrets onto the command line; "
                    + "configure a named remote with 'rclone config'");
            require(path != null && !path.contains("\n"), "path is not a folder name");
            require(binary != null && !binary.isBlank(), "rclone binary is not set");
            String folder = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return new RcloneDestination(new RcloneSettings(remote, folder, config, binary, writeOnly));
        }

        private void require(boolean condition, String problem) {
            if (!condition) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "rclone destination: " + problem);
            }
        }
    }
}
