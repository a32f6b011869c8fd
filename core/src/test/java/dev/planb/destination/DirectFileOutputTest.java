/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.destination;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.channels.FileChannel;
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

    @TempDir
    Path folder;

    private final Random random = new Random(3);
    private final List<FileChannel> directChannels = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, MIB - 1, MIB, MIB + 1, MIB + 4096, 3 * MIB + 12_345})
    void writesEveryByteAndGoesDirectOnlyPastTheFirstBuffer(int size) throws Exception {
        byte[] content = bytes(size);

        Path file = write(content, this::openDirect);

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(directChannels).as("direct channels opened").hasSize(size >= MIB ? 1 : 0);
        assertThat(directChannels).allSatisfy(channel -> assertThat(channel.isOpen()).isFalse());
    }

    @Test
    void aFileSystemWithoutDirectWritesGetsOrdinaryOnes() throws Exception {
        byte[] content = bytes(2 * MIB + 77);

        Path file = write(content, path -> {
            throw new IOException("Invalid argument");
        });

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void aDirectWriteThatFailsIsWrittenAgainTheOrdinaryWayAndTheRestFollows() throws Exception {
        byte[] content = bytes(4 * MIB + 4096 + 9);
        Path file = folder.resolve("broken-off");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DirectFileOutput output = new DirectFileOutput(file, channel, this::openDirect);
            output.write(content, 0, MIB + MIB / 2);
            directChannels.get(0).close(); // the next direct write fails, as on a file system that refuses it late
            output.write(content, MIB + MIB / 2, content.length - MIB - MIB / 2);
            output.close();
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(directChannels).hasSize(1);
    }

    @Test
    void aFlushWritesWhatCameSoFarAndLaterBytesFollowIt() throws Exception {
        byte[] content = bytes(3 * MIB);
        Path file = folder.resolve("flushed");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
    void aDiscardedFileKeepsNoDirectChannelOpen() throws Exception {
        Path file = folder.resolve("discarded");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DirectFileOutput output = new DirectFileOutput(file, channel, this::openDirect);
            output.write(bytes(2 * MIB + 1));
            output.discard();
        }

        assertThat(directChannels).hasSize(1);
        assertThat(directChannels.get(0).isOpen()).isFalse();
        assertThat(Files.size(file)).as("the last partial buffer was not written").isEqualTo(2 * MIB);
    }

    private Path write(byte[] content, DirectFileOutput.DirectChannelOpener opener) throws IOException {
        Path file = folder.resolve("file-" + content.length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DirectFileOutput output = new DirectFileOutput(file, channel, opener);
            for (int offset = 0; offset < content.length;) {
                int n = Math.min(content.length - offset, 1 + random.nextInt(300_000));
                output.write(content, offset, n);
                offset += n;
            }
            output.flush(); // as the pipeline does after the last write, then the commit closes it
            output.close();
        }
        return file;
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
}
