/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectFileOutputTest {

    private static final int MIB = DirectFileOutput.BUFFER;
    private static final int BLOCK = DirectFileOutput.ALIGNMENT;

    @TempDir
    Path folder;

    private final Random random = new Random(3);
    private final List<FileChannel> directChannels = new ArrayList<>();

    /** Files of a buffer or more go directly, all but their last partial block; smaller ones through the page cache. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, MIB - 1, MIB, MIB + 1, MIB + 4096, 3 * MIB + 12_345})
    void writesEveryByteAndAllButTheLastPartialBlockDirectlyOnceAFileFillsABuffer(int size) throws Exception {
        byte[] content = bytes(size);
        Path file = folder.resolve("file");

        DirectFileOutput output;
        try (FileChannel channel = create(file)) {
            output = new DirectFileOutput(file, channel, this::openDirect);
            writeInRandomSlices(output, content);
            output.flush(); // as the pipeline does after the last write; the commit then closes it
            output.close();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(output.writtenDirectly()).isEqualTo(size >= MIB ? size / BLOCK * BLOCK : 0);
        assertThat(output.writtenThroughPageCache()).isEqualTo(size >= MIB ? size % BLOCK : size);
        assertThat(directChannels).hasSize(size >= MIB ? 1 : 0)
                .allSatisfy(channel -> assertThat(channel.isOpen()).isFalse());
    }

    @Test
    void aFileSystemWithoutDirectWritesGetsOrdinaryOnes() throws Exception {
        byte[] content = bytes(2 * MIB + 77);
        Path file = folder.resolve("no-direct");

        try (FileChannel channel = create(file)) {
            DirectFileOutput output = new DirectFileOutput(file, channel, path -> {
                throw new IOException("Invalid argument");
            });
            writeInRandomSlices(output, content);
            output.close();
            assertThat(output.writtenDirectly()).isZero();
            assertThat(output.writtenThroughPageCache()).isEqualTo(content.length);
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    /** The second buffer's direct write stops halfway, then fails: that buffer and the rest are written the ordinary way. */
    @Test
    void aDirectWriteThatFailsPartwayIsWrittenAgainTheOrdinaryWayAndTheRestFollows() throws Exception {
        byte[] content = bytes(4 * MIB + 4096 + 9);
        Path file = folder.resolve("broken-off");

        DirectFileOutput output;
        try (FileChannel channel = create(file)) {
            output = new DirectFileOutput(file, channel, path -> new FailingChannel(openDirect(path), 1, MIB / 2));
            writeInRandomSlices(output, content);
            output.close();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(output.writtenDirectly()).as("the first buffer only").isEqualTo(MIB);
        assertThat(output.writtenThroughPageCache()).isEqualTo(content.length - MIB);
        assertThat(directChannels.get(0).isOpen()).isFalse();
    }

    @Test
    void afterAFailedOrdinaryWriteTheStreamRefusesMoreInsteadOfWritingWrongBytes() throws Exception {
        Path file = folder.resolve("failed");
        try (FileChannel channel = create(file)) {
            DirectFileOutput output = new DirectFileOutput(file, new FailingChannel(channel, 0, 0), this::openDirect);
            output.write(bytes(5000));

            assertThatThrownBy(output::flush).isInstanceOf(IOException.class).hasMessage("disk on fire");
            assertThatThrownBy(output::flush).isInstanceOf(IOException.class)
                    .hasMessage("An earlier write to " + file + " failed");
            assertThatThrownBy(() -> output.write(1)).isInstanceOf(IOException.class)
                    .hasMessage("An earlier write to " + file + " failed");
            output.close();
        }

        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aFlushWritesWhatCameSoFarAndLaterBytesFollowIt() throws Exception {
        byte[] content = bytes(3 * MIB);
        Path file = folder.resolve("flushed");
        try (FileChannel channel = create(file)) {
            DirectFileOutput output = new DirectFileOutput(file, channel, this::openDirect);
            output.write(content, 0, MIB + 5000);
            output.flush();
            assertThat(Files.size(file)).isEqualTo(MIB + 5000);
            output.write(content, MIB + 5000, content.length - MIB - 5000);
            output.close();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void aDiscardedFileKeepsNoDirectChannelOpenAndTakesNoMoreBytes() throws Exception {
        Path file = folder.resolve("discarded");
        try (FileChannel channel = create(file)) {
            DirectFileOutput output = new DirectFileOutput(file, channel, this::openDirect);
            output.write(bytes(2 * MIB + 1));
            output.discard();

            assertThatThrownBy(() -> output.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        }

        assertThat(directChannels).hasSize(1);
        assertThat(directChannels.get(0).isOpen()).isFalse();
        assertThat(Files.size(file)).as("the last partial buffer was not written").isEqualTo(2 * MIB);
    }

    private void writeInRandomSlices(DirectFileOutput output, byte[] content) throws IOException {
        for (int offset = 0; offset < content.length;) {
            int n = Math.min(content.length - offset, 1 + random.nextInt(300_000));
            output.write(content, offset, n);
            offset += n;
        }
    }

    private static FileChannel create(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private FileChannel openDirect(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        directChannels.add(channel);
        return channel;
    }

    private byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * A channel whose positional writes go through until the given call, which writes at most the given number of
     * bytes; the call after it fails, as a disk or a file system may fail a write.
     */
    private static final class FailingChannel extends FileChannel {
        private final FileChannel delegate;
        private final int callsBeforeShortWrite;
        private final int shortWriteBytes;
        private int calls;

        FailingChannel(FileChannel delegate, int callsBeforeShortWrite, int shortWriteBytes) {
            this.delegate = delegate;
            this.callsBeforeShortWrite = callsBeforeShortWrite;
            this.shortWriteBytes = shortWriteBytes;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            int call = calls++;
            if (call > callsBeforeShortWrite || (call == callsBeforeShortWrite && shortWriteBytes == 0)) {
                throw new IOException("disk on fire");
            }
            if (call == callsBeforeShortWrite) {
                ByteBuffer part = source.duplicate();
                part.limit(part.position() + shortWriteBytes);
                int n = delegate.write(part, position);
                source.position(source.position() + n);
                return n;
            }
            return delegate.write(source, position);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }

        @Override
        public int read(ByteBuffer destination) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] destinations, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileChannel position(long newPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            delegate.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel source, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer destination, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }
    }
}
