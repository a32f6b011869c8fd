/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.planb.testing.AzuriteServer;
import dev.planb.testing.AzuriteServerExtension;
import dev.planb.testing.LargeSqliteDatabase;
import dev.planb.testing.RcloneServer;
import dev.planb.testing.RcloneServerExtension;
import dev.planb.testing.VsftpdServer;
import dev.planb.testing.VsftpdServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against real FTP, FTPS, rclone (WebDAV) and Azure Blob (Azurite) servers: several copies from one
 * read, each restorable on its own, and a killed run that leaves nothing listed anywhere.
 */
@ExtendWith({VsftpdServerExtension.class, RcloneServerExtension.class, AzuriteServerExtension.class})
class ThreeNewDestinationsCommandLineTest {

    @TempDir
    Path dir;

    VsftpdServer ftp;
    RcloneServer rclone;
    AzuriteServer azurite;

    @BeforeEach
    void servers(VsftpdServer ftp, RcloneServer rclone, AzuriteServer azurite) {
        this.ftp = ftp;
        this.rclone = rclone;
        this.azurite = azurite;
    }

    @Test
    void oneBackupGoesToFtpFtpsRcloneAndAzureAndRestoresFromEachAlone() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        Path passwordFile = Files.writeString(dir.resolve("ftp-password"), ftp.password() + "\n");
        String ftpUri = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + ftp.newFolder() + "?passwordFile="
                + passwordFile;
        String rcloneUri = "rclone://" + rclone.newWebDavFolder().remotePath() + "?config=" + rclone.config();
        BlobContainerClient container = newContainer();
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                BlobContainerSasPermission.parse("racwdl")));
        String azureUri = "azblob://" + AzuriteServer.ACCOUNT + "/" + container.getBlobContainerName() + "/prod?endpoint="
                + azurite.endpoint() + "&sasFile=" + Files.writeString(dir.resolve("sas"), sas);
        try (VsftpdServer tls = VsftpdServer.start(VsftpdServer.options().tls(VsftpdServer.Tls.EXPLICIT))) {
            Path tlsPasswordFile = Files.writeString(dir.resolve("ftps-password"), tls.password());
            String ftpsUri = "ftps://" + tls.user() + "@127.0.0.1:" + tls.port() + tls.newFolder() + "?passwordFile="
                    + tlsPasswordFile + "&certificate=" + tls.certificate();

            Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", ftpUri, "--to", ftpsUri,
                    "--to", rcloneUri, "--to", azureUri, "--plan", "app");
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            String id = backup.out().strip();
            assertThat(backup.err()).contains("stored on ftp://", "stored on ftps://", "stored on rclone://",
                    "stored on azblob://").doesNotContain(ftp.password())
                    .doesNotContain(tls.password()).doesNotContain(sas);

            for (String uri : List.of(ftpUri, ftpsUri, rcloneUri, azureUri)) {
                Cli.Result list = Cli.run("list", "--from", uri);
                assertThat(list.exitCode()).as(list.err()).isZero();
                assertThat(list.out()).contains("app", id);
                Path restored = dir.resolve("restored-" + uri.substring(0, uri.indexOf(':')) + ".db");
                Cli.Result restore = Cli.run("restore", "--from", uri, "--to-db", "jdbc:sqlite:" + restored);
                assertThat(restore.exitCode()).as(uri + ": " + restore.err()).isZero();
                assertThat(SqliteRows.contentOf(restored)).isEqualTo(SqliteRows.contentOf(database));
            }

            String pulledTo = "rclone://" + rclone.newLocalFolder().remotePath() + "?config=" + rclone.config();
            Cli.Result pull = Cli.run("pull", "--from", ftpsUri, "--to", pulledTo);
            assertThat(pull.exitCode()).as(pull.err()).isZero();
            assertThat(Cli.run("verify", "--from", pulledTo, "--backup", id).exitCode()).isZero();
            String ftpVault = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + ftp.newFolder() + "?passwordFile="
                    + passwordFile;
            Cli.Result fromAzure = Cli.run("pull", "--from", azureUri, "--to", ftpVault);
            assertThat(fromAzure.exitCode()).as(fromAzure.err()).isZero();
            assertThat(Cli.run("verify", "--from", ftpVault, "--backup", id).exitCode()).isZero();
        }
    }

    @Test
    void aConfigFileNamesTheNewSchemesAsTheCommandLineDoes() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        Path passwordFile = Files.writeString(dir.resolve("ftp-password"), ftp.password());
        String ftpUri = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + ftp.newFolder() + "?passwordFile="
                + passwordFile;
        String rcloneUri = "rclone://" + rclone.newLocalFolder().remotePath() + "?config=" + rclone.config();
        Path config = Files.writeString(dir.resolve("planb.yml"), """
                plans:
                  app:
                    database: { url: "jdbc:sqlite:%s" }
                    destinations:
                      - uri: "%s"
                      - uri: "%s"
                """.formatted(database, ftpUri, rcloneUri));

        Cli.Result backup = Cli.run("backup", "--config", config.toString(), "--plan", "app");

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        String id = backup.out().strip();
        for (String uri : List.of(ftpUri, rcloneUri)) {
            assertThat(Cli.run("list", "--from", uri).out()).as(uri).contains(id);
        }
    }

    @Test
    void aKilledRunLeavesNothingListedOnFtpRcloneOrAzure() throws Exception {
        Path database = dir.resolve("large.db");
        LargeSqliteDatabase.create(database, 24);
        Path ftpFolder = ftp.newFolder();
        String ftpUri = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + ftpFolder;
        RcloneServer.Folder rcloneFolder = rclone.newWebDavFolder();
        String rcloneUri = "rclone://" + rcloneFolder.remotePath() + "?config=" + rclone.config();
        BlobContainerClient container = newContainer();
        String azureUri = "azblob://" + AzuriteServer.ACCOUNT + "/" + container.getBlobContainerName() + "?endpoint="
                + azurite.endpoint();

        Process backup = PlanBProcess.start(dir, List.of(), Map.of("PLANB_FTP_PASSWORD", ftp.password(),
                "AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString()), "backup", "--db", "jdbc:sqlite:" + database,
                "--to", ftpUri, "--to", rcloneUri, "--to", azureUri, "--plan", "big", "--compression", "none");
        awaitHiddenUpload(ftpFolder, backup);
        backup.destroyForcibly();
        assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();

        for (String uri : List.of(ftpUri + "?passwordFile=" + Files.writeString(dir.resolve("pw"), ftp.password()),
                rcloneUri)) {
            Cli.Result list = Cli.run("list", "--from", uri, "--json");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out().strip()).as(uri).isEqualTo("[ ]");
        }
        assertThat(container.listBlobs()).as("no committed blob on Azure").isEmpty();
    }

    private BlobContainerClient newContainer() {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().getBlobContainerClient(AzuriteServer.newContainerName());
        container.create();
        return container;
    }

    private static void awaitHiddenUpload(Path folder, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the backup ended before it could be killed").isTrue();
            try (Stream<Path> files = Files.walk(folder)) {
                if (files.anyMatch(file -> file.getFileName().toString().contains(".partial-")
                        && file.toFile().length() > 0)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no upload started within 60 s");
    }
}
