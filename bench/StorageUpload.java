/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.storage.azure.AzureBlobUri;
import dev.planb.storage.ftp.FtpUri;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * Uploads one file and prints "SECONDS PEAK_HEAP_MIB": through a PlanB destination (as a backup run writes it:
 * 1 MiB writes into Destination.create, then commit), or with the Azure SDK's own BlobClient.uploadFromFile.
 * The upload is deleted afterwards; the clients start before the clock (the SDK's creates the container, PlanB's
 * Azure destination lists a folder); neither is timed. bench/storage.sh
 * compiles it against the CLI jar and runs it:
 *
 *   java -cp cli/target/planb.jar:CLASSES StorageUpload planb ftp://USER@127.0.0.1:PORT/DIR FILE
 *   java -cp cli/target/planb.jar:CLASSES StorageUpload azure-sdk CONTAINER FILE   (AZURE_STORAGE_CONNECTION_STRING)
 *
 * Peak heap is the sum of the heap pools' peak use: an upper bound that includes garbage not yet collected.
 */
public class StorageUpload {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String where = args[1];
        Path file = Path.of(args[2]);
        String name = "bench/" + UUID.randomUUID() + "/data.bin";
        BlobContainerClient container = null;
        if (mode.equals("azure-sdk")) {
            container = new BlobServiceClientBuilder().connectionString(System.getenv("AZURE_STORAGE_CONNECTION_STRING"))
                    .buildClient().getBlobContainerClient(where);
            container.createIfNotExists();
        }
        Destination destination = null;
        if (mode.equals("planb")) {
            destination = where.startsWith("azblob:") ? AzureBlobUri.parse(where) : FtpUri.parse(where);
            if (where.startsWith("azblob:")) {
                destination.list("bench/warm-up/"); // the SDK's client starts up, as createIfNotExists does above
            }
        }
        long start = System.nanoTime();
        Runnable cleanup;
        if (destination != null) {
            Destination planb = destination;
            try (InputStream in = Files.newInputStream(file); ObjectWriter out = destination.create(name)) {
                byte[] buffer = new byte[1 << 20];
                for (int read; (read = in.read(buffer)) != -1; ) {
                    out.write(buffer, 0, read);
                }
                out.flush();
                out.commit();
            }
            cleanup = () -> {
                try {
                    planb.delete(name);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        } else if (container != null) {
            BlobContainerClient sdk = container;
            sdk.getBlobClient(name).uploadFromFile(file.toString());
            cleanup = () -> sdk.getBlobClient(name).delete();
        } else {
            throw new IllegalArgumentException("mode is planb or azure-sdk, not " + mode);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        cleanup.run();
        System.out.printf(Locale.ROOT, "%.3f %.1f%n", seconds, peak / 1048576.0);
    }
}
