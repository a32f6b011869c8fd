/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.planb.internal.stream.FanOutOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU cost of each stage of PlanB's backup and restore pipelines, measured one stage at a time on
 * the same bytes, in one JVM (run by bench/stages.sh, which explains the arguments). Each stage reads
 * the input file in 64 KiB reads, as PlanB reads pg_dump's output, and the figure is the process CPU
 * time (all threads, zstd's native workers included) minus that of reading alone, median of RUNS.
 */
public final class Stages {

    private static final int READ = 64 * 1024;

    interface Stage {
        OutputStream open() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        Path compressed = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        String only = args.length > 3 ? args[3] : ".*";
        int cores = Runtime.getRuntime().availableProcessors();
        Class<?> counter = Class.forName("dev.planb.engine.postgres.PgCustomFormatRows");
        Constructor<?> newCounter = counter.getDeclaredConstructor();
        newCounter.setAccessible(true);

        Map<String, Stage> backup = new LinkedHashMap<>();
        backup.put("read the dump (64 KiB reads; subtracted from the rest)", () -> OutputStream.nullOutputStream());
        backup.put("count rows (PgCustomFormatRows)", () -> (OutputStream) newCounter.newInstance());
        backup.put("SHA-256 of the dump's bytes", () -> new DigestSink());
        backup.put("zstd -3, 1 thread (zstd-jni, no workers)", () -> new ZstdOutputStream(OutputStream.nullOutputStream(), 3));
        backup.put("zstd -3, " + cores + " workers (PlanB's setting)", () -> {
            ZstdOutputStream zstd = new ZstdOutputStream(OutputStream.nullOutputStream(), 3);
            zstd.setWorkers(cores);
            return zstd;
        });
        backup.put("fan-out to 1 destination (copy into 256 KiB chunks, 1 thread)", () -> fanOut(1));
        backup.put("fan-out to 3 destinations", () -> fanOut(3));

        System.out.println("| stage | CPU seconds (median) | MiB/s of dump per CPU second |");
        System.out.println("|---|---:|---:|");
        long dumpBytes = Files.size(dump);
        double baseline = 0;
        for (Map.Entry<String, Stage> stage : backup.entrySet()) {
            if (baseline != 0 && !stage.getKey().matches(only)) {
                continue;
            }
            double cpu = median(runs, () -> feed(dump, stage.getValue()));
            if (baseline == 0) {
                baseline = cpu;
                row(stage.getKey(), cpu, dumpBytes);
            } else {
                row(stage.getKey(), cpu - baseline, dumpBytes);
            }
        }
        long storedBytes = Files.size(compressed);
        double storedBaseline = median(runs, () -> feed(compressed, OutputStream::nullOutputStream));
        row("SHA-256 of the stored (compressed) bytes", median(runs, () -> feed(compressed, DigestSink::new)) - storedBaseline,
                dumpBytes);
        row("zstd -d of the stored bytes (restore)", median(runs, () -> {
            long start = cpuNanos();
            try (InputStream in = new ZstdInputStream(new FileInputStream(compressed.toFile()))) {
                byte[] buffer = new byte[READ];
                while (in.read(buffer) >= 0) {
                    // decompressing is the point
                }
            }
            return (cpuNanos() - start) / 1e9;
        }) - storedBaseline, dumpBytes);
        System.out.printf("%nDump %.2f GB, stored %.2f GB; %d runs per stage; %d cores.%n", dumpBytes / 1e9,
                storedBytes / 1e9, runs, cores);
    }

    private static FanOutOutputStream fanOut(int targets) {
        Map<String, OutputStream> sinks = new LinkedHashMap<>();
        for (int i = 0; i < targets; i++) {
            sinks.put("sink-" + i, OutputStream.nullOutputStream());
        }
        return new FanOutOutputStream(sinks);
    }

    interface Run {
        double cpuSeconds() throws Exception;
    }

    private static double median(int runs, Run run) throws Exception {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = run.cpuSeconds();
        }
        Arrays.sort(values);
        return values[runs / 2];
    }

    private static double feed(Path file, Stage stage) throws Exception {
        long start = cpuNanos();
        try (InputStream in = new FileInputStream(file.toFile()); OutputStream out = stage.open()) {
            byte[] buffer = new byte[READ];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        return (cpuNanos() - start) / 1e9;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void row(String stage, double cpu, long bytes) {
        System.out.printf("| %s | %.2f | %s |%n", stage, cpu,
                cpu > 0.005 ? String.format("%.0f", bytes / 1048576.0 / cpu) : "n/a");
    }

    /** Digests what is written to it. */
    private static final class DigestSink extends OutputStream {
        private final MessageDigest digest;

        DigestSink() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        @Override
        public void close() throws IOException {
            digest.digest();
        }
    }
}
