/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.bench.s3;

import dev.planb.Secret;
import dev.planb.spi.ObjectWriter;
import dev.planb.storage.s3.S3Destination;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Uploads the same incompressible file to a local S3Mock with PlanB's {@link S3Destination}
 * (streamed through its writer, as a backup is) and with the SDK's {@link S3TransferManager}
 * ({@code uploadFile}, the SDK's fastest path), alternating, in one JVM; prints throughput, the
 * ratio and the heap each upload peaked at. Run by {@code bench/s3/run.sh [GiB] [rounds]}.
 */
public final class S3UploadBenchmark {

    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "bench";

    private S3UploadBenchmark() {
    }

    /** {@code [GiB (default 1)] [rounds (default 2)]}. */
    public static void main(String[] args) throws Exception {
        long size = (long) (args.length > 0 ? Double.parseDouble(args[0]) : 1.0) * 1024 * MIB;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path file = Files.createTempFile("planb-bench-", ".bin");
        try (S3MockServer server = S3MockServer.start(); S3Client admin = server.client()) {
            writeIncompressible(file, size);
            admin.createBucket(request -> request.bucket(BUCKET));
            server.trustInThisJvm();
            List<Result> planb = new ArrayList<>();
            List<Result> sdk = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                planb.add(measure("PlanB S3Destination", size, () -> uploadWithPlanB(server, file, "planb-" + System.nanoTime())));
                clean(admin);
                sdk.add(measure("SDK S3TransferManager", size, () -> uploadWithTransferManager(server, file,
                        "sdk-" + System.nanoTime())));
                clean(admin);
            }
            report(size, planb, sdk);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void uploadWithPlanB(S3MockServer server, Path file, String key) throws IOException {
        try (S3Destination destination = S3Destination.builder().bucket(BUCKET).endpoint(server.endpoint())
                .pathStyle(true).credentials(S3Fixture.ACCESS_KEY, Secret.of(S3Fixture.SECRET_KEY)).build();
                InputStream in = Files.newInputStream(file);
                ObjectWriter writer = destination.create("bench/" + key)) {
            copy(in, writer);
            writer.commit();
        }
    }

    private static void uploadWithTransferManager(S3MockServer server, Path file, String key) {
        try (S3AsyncClient client = S3AsyncClient.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Fixture.ACCESS_KEY, S3Fixture.SECRET_KEY)))
                .multipartEnabled(true)
                .multipartConfiguration(multipart -> multipart.minimumPartSizeInBytes((long) S3Destination.DEFAULT_PART_SIZE)
                        .thresholdInBytes((long) S3Destination.DEFAULT_PART_SIZE))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().tlsTrustManagersProvider(server::trustManagers)
                        // The SDK sends every part at once; on a busy machine its 10 s connection wait is too short.
                        .maxConcurrency(16).connectionAcquisitionTimeout(Duration.ofMinutes(5)))
                .build();
                S3TransferManager transfers = S3TransferManager.builder().s3Client(client).build()) {
            transfers.uploadFile(upload -> upload.source(file)
                    .putObjectRequest(put -> put.bucket(BUCKET).key("bench/" + key))).completionFuture().join();
        }
    }

    private static Result measure(String name, long size, Upload upload) throws Exception {
        System.gc();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        try {
            upload.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        long peak = sampler.peak;
        Result result = new Result(name, seconds, size / seconds / MIB, cpuSeconds, peak);
        System.out.printf(Locale.ROOT, "%-22s %6.1f s  %7.1f MiB/s  client CPU %5.1f s  peak heap %5.0f MiB%n", name,
                seconds, result.mibPerSecond(), cpuSeconds, peak / (double) MIB);
        return result;
    }

    private static void report(long size, List<Result> planb, List<Result> sdk) {
        Result bestPlanb = planb.stream().max((a, b) -> Double.compare(a.mibPerSecond(), b.mibPerSecond())).orElseThrow();
        Result bestSdk = sdk.stream().max((a, b) -> Double.compare(a.mibPerSecond(), b.mibPerSecond())).orElseThrow();
        System.out.printf(Locale.ROOT, "%nsize %.2f GiB, best of %d rounds each, JVM max heap %d MiB, %d CPUs%n",
                size / (double) (1024 * MIB), planb.size(), Runtime.getRuntime().maxMemory() / MIB,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "PlanB %.1f MiB/s (peak heap %.0f MiB), SDK %.1f MiB/s (peak heap %.0f MiB):"
                + " throughput ratio %.2f, client CPU ratio (SDK/PlanB) %.2f%n", bestPlanb.mibPerSecond(),
                maxPeak(planb) / (double) MIB, bestSdk.mibPerSecond(), maxPeak(sdk) / (double) MIB,
                bestPlanb.mibPerSecond() / bestSdk.mibPerSecond(), bestSdk.cpuSeconds() / bestPlanb.cpuSeconds());
    }

    private static long maxPeak(List<Result> results) {
        return results.stream().mapToLong(Result::peakHeap).max().orElse(0);
    }

    private static void clean(S3Client admin) {
        admin.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents()
                .forEach(object -> admin.deleteObject(request -> request.bucket(BUCKET).key(object.key())));
    }

    private static void writeIncompressible(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] block = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int j = 0; j < 8; j++) {
                        block[i + j] = (byte) (value >>> (8 * j));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[MIB];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
    }

    /** Reads the heap in use every 20 ms: the peak of the whole heap, not a sum of per-pool peaks. */
    private static final class HeapSampler extends Thread {
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @FunctionalInterface
    private interface Upload {
        void run() throws Exception;
    }

    /** CPU time of this JVM (the uploading client; S3Mock runs in its own process). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private record Result(String name, double seconds, double mibPerSecond, double cpuSeconds, long peakHeap) {
    }
}
