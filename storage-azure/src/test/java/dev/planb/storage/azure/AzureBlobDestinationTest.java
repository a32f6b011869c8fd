/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlockListType;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import dev.planb.testing.AzuriteServer;
import dev.planb.testing.AzuriteServerExtension;
import dev.planb.testing.CuttingProxy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the contract kit does not cover: blocks, tiers, immutability read-back, failures a user meets, the URI. */
@ExtendWith(AzuriteServerExtension.class)
class AzureBlobDestinationTest {

    @TempDir
    Path dir;

    AzuriteServer azurite;
    BlobContainerClient container;

    @BeforeEach
    void server(AzuriteServer azurite) {
        this.azurite = azurite;
        this.container = Azurite.newContainer(azurite);
    }

    @Test
    void stagedBlocksOfAKilledUploadAreFoundButNotDroppedWhereTheEmptyBlobCouldNotBeDeleted() throws Exception {
        AzureBlobDestination writeOnly = Azurite.builder(azurite, container.getBlobContainerName())
                .blockSize(1024 * 1024).writeOnly(true).build();
        ObjectWriter abandoned = writeOnly.create("plan/1/data.bin");
        abandoned.write(bytes(2 * 1024 * 1024 + 7));

        var writes = writeOnly.incompleteWrites("plan/");
        assertThat(writes).singleElement().satisfies(write -> {
            assertThat(write.key()).isEqualTo("plan/1/data.bin");
            assertThat(write.size()).isEqualTo(2 * 1024 * 1024);
        });
        assertThatThrownBy(() -> writeOnly.discard(writes.get(0))).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED)).hasMessageContaining("a week");
        assertThat(writeOnly.list("")).isEmpty();
        assertThat(writeOnly.incompleteWrites("")).hasSize(1);
    }

    @Test
    void anUploadIsStagedInBlocksAndInvisibleUntilTheBlockListIsCommitted() throws Exception {
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName())
                .blockSize(1024 * 1024).build();
        byte[] content = bytes(3 * 1024 * 1024 + 5);
        try (ObjectWriter writer = destination.create("plan/1/data.bin")) {
            writer.write(content);
            var blocks = container.getBlobClient("plan/1/data.bin").getBlockBlobClient()
                    .listBlocks(BlockListType.UNCOMMITTED);
            assertThat(blocks.getUncommittedBlocks()).as("three full blocks staged, the rest in memory").hasSize(3);
            assertThat(destination.list("")).isEmpty();
            writer.commit();
        }
        var committed = container.getBlobClient("plan/1/data.bin").getBlockBlobClient().listBlocks(BlockListType.COMMITTED);
        assertThat(committed.getCommittedBlocks()).hasSize(4);
        assertThat(container.getBlobClient("plan/1/data.bin").downloadContent().toBytes()).isEqualTo(content);
    }

    @Test
    void theUriUsesTheConnectionStringFromTheEnvironmentAndShowsNoSecret() throws Exception {
        String uri = "azblob://" + AzuriteServer.ACCOUNT + "/" + container.getBlobContainerName() + "/prod/orders?endpoint="
                + azurite.endpoint();
        AzureBlobDestination destination = AzureBlobUri.builder(uri, Map.of(AzureBlobUri.CONNECTION_STRING_VARIABLE,
                azurite.connectionString())::get).build();
        put(destination, "plan/1/x.bin", new byte[] {1, 2, 3});

        assertThat(container.getBlobClient("prod/orders/plan/1/x.bin").exists()).isTrue();
        assertThat(destination.list("plan/")).containsExactly(new StoredObject("plan/1/x.bin", 3));
        assertThat(destination.description()).isEqualTo(uri).doesNotContain(AzuriteServer.ACCOUNT_KEY);
        assertThat(destination.toString()).doesNotContain(AzuriteServer.ACCOUNT_KEY);
    }

    @Test
    void secretsInTheUriAreRefusedWithoutBeingShown() {
        assertThatThrownBy(() -> AzureBlobUri.builder("azblob://acct/c?sv=2024&sig=SECRETSIG", variable -> null))
                .isInstanceOf(PlanBException.class).hasMessageContaining("never put one in the URI")
                .hasMessageNotContaining("SECRETSIG");
        assertThatThrownBy(() -> AzureBlobUri.builder("azblob://acct/c?tier=lukewarm", variable -> null))
                .hasMessageContaining("give hot, cool, cold or archive");
        assertThatThrownBy(() -> AzureBlobUri.builder("azblob://acct", variable -> null))
                .hasMessageContaining("names no container");
    }

    @Test
    void aWrongAccountKeyIsRefusedNamingTheAccountAndNeverShowingTheKey() throws Exception {
        String wrongKey = AzuriteServer.ACCOUNT_KEY.replace('E', 'F');
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName())
                .connectionString(Secret.of(azurite.connectionString().replace(AzuriteServer.ACCOUNT_KEY, wrongKey)))
                .build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED);
            assertThat(e.getMessage()).contains("storage account '" + AzuriteServer.ACCOUNT + "' refused",
                    "check the key").doesNotContain(wrongKey).doesNotContain("\n");
        });
    }

    @Test
    void aMissingContainerIsNamedWithHowToCreateIt() {
        AzureBlobDestination destination = Azurite.builder(azurite, "no-such-container").build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOfSatisfying(PlanBException.class, e ->
                assertThat(e.getMessage()).contains("container 'no-such-container' does not exist",
                        "az storage container create"));
        assertThatThrownBy(() -> put(destination, "plan/1/x.bin", new byte[10])).isInstanceOf(PlanBException.class)
                .hasMessageContaining("container 'no-such-container' does not exist");
    }

    @Test
    void aMissingBlobIsNoSuchFile() {
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName()).build();
        assertThatThrownBy(() -> destination.open("plan/none/manifest.json")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aClosedPortSaysWhatToCheck() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName())
                .endpoint("http://127.0.0.1:" + closedPort + "/" + AzuriteServer.ACCOUNT).build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOf(PlanBException.class)
                .hasMessageContaining("cannot connect to http://127.0.0.1:" + closedPort);
    }

    @Test
    void dataBlobsGoToTheChosenTierAndManifestsStayInTheDefault() throws Exception {
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName())
                .tier(AccessTier.COOL).build();
        put(destination, "plan/1/database.sqlite.zst", new byte[] {1});
        put(destination, "plan/1/manifest.json", new byte[] {2});

        assertThat(container.getBlobClient("plan/1/database.sqlite.zst").getProperties().getAccessTier())
                .isEqualTo(AccessTier.COOL);
        assertThat(container.getBlobClient("plan/1/manifest.json").getProperties().getAccessTier())
                .isNotEqualTo(AccessTier.COOL);
    }

    @Test
    void anArchivedBlobSaysHowToRehydrateIt() throws Exception {
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName())
                .tier(AccessTier.ARCHIVE).build();
        put(destination, "plan/1/database.sqlite.zst", new byte[] {1});
        assertThatThrownBy(() -> destination.open("plan/1/database.sqlite.zst").readAllBytes())
                .isInstanceOf(IOException.class).hasMessageContaining("Archive tier")
                .hasMessageContaining("az storage blob set-tier").hasMessageContaining("--rehydrate-priority");
    }

    @Test
    void immutabilityThatIsNotInForceIsAWarningAndTheCheckSaysWhatWasAsked() throws Exception {
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName())
                .immutability(Immutability.unlockedDays(2).withLegalHold()).build();
        ObjectWriter writer = destination.create("plan/1/data.bin");
        writer.write(new byte[] {1});
        writer.commit();

        // Azurite keeps no immutability policy: PlanB reads that back and says so rather than report the blob protected.
        assertThat(container.getBlobClient("plan/1/data.bin").getProperties().getImmutabilityPolicy().getExpiryTime())
                .isNull();
        assertThat(writer.warnings()).singleElement().asString().contains("Immutability not confirmed",
                "plan/1/data.bin", "2 days, unlocked, legal hold", "enable version-level immutability");
        assertThat(destination.retainedUntil("plan/1/data.bin")).isEmpty();
        var report = destination.checkProtection();
        assertThat(report.isProtected()).isFalse();
        assertThat(report.details()).contains("Immutability asked for on every blob: 2 days, unlocked, legal hold");
    }

    @Test
    void writeOnlyNeverDeletesAndTheCheckSaysSo() throws Exception {
        AzureBlobDestination destination = Azurite.builder(azurite, container.getBlobContainerName()).writeOnly(true)
                .build();
        put(destination, "plan/1/x.bin", new byte[] {1});
        assertThat(destination.canDelete()).isFalse();
        assertThatThrownBy(() -> destination.delete("plan/1/x.bin")).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.getMessage()).contains("write-only", "lifecycle management"));
        assertThat(destination.checkProtection().isProtected()).isTrue();
        assertThat(container.getBlobClient("plan/1/x.bin").exists()).isTrue();
    }

    @Test
    void aSasTokenComesFromAFile() throws Exception {
        String sas = container.generateSas(new com.azure.storage.blob.sas.BlobServiceSasSignatureValues(
                java.time.OffsetDateTime.now().plusHours(1),
                com.azure.storage.blob.sas.BlobContainerSasPermission.parse("racwl")));
        Path file = Files.writeString(dir.resolve("sas"), sas + "\n");
        String uri = "azblob://" + AzuriteServer.ACCOUNT + "/" + container.getBlobContainerName() + "?endpoint="
                + azurite.endpoint() + "&sasFile=" + file;
        AzureBlobDestination destination = AzureBlobUri.builder(uri, variable -> null).build();
        put(destination, "plan/1/x.bin", new byte[] {4});
        assertThat(destination.list("")).containsExactly(new StoredObject("plan/1/x.bin", 1));
        assertThatThrownBy(() -> destination.delete("plan/1/x.bin")).isInstanceOfSatisfying(PlanBException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED);
                    assertThat(e.getMessage()).doesNotContain(sas);
                });
    }

    @Test
    void aReadGoesOnWhereTheConnectionBrokeOff() throws Exception {
        byte[] content = bytes(8 * 1024 * 1024);
        container.getBlobClient("plan/1/database.sqlite.zst").upload(BinaryData.fromBytes(content));

        try (CuttingProxy proxy = cuttingProxy(); InputStream in = throughProxy(proxy).open("plan/1/database.sqlite.zst")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
            assertThat(proxy.cuts()).as("connections broken off mid-response").isGreaterThan(0);
        }
    }

    @Test
    void aBlobReplacedWhileItIsReadIsNotReadOnFromTheNewOne() throws Exception {
        BlobClient blob = container.getBlobClient("plan/1/database.sqlite.zst");
        blob.upload(BinaryData.fromBytes(bytes(8 * 1024 * 1024)));

        try (CuttingProxy proxy = cuttingProxy(); InputStream in = throughProxy(proxy).open("plan/1/database.sqlite.zst")) {
            assertThat(in.readNBytes(1024)).hasSize(1024);
            blob.upload(BinaryData.fromBytes(bytes(8 * 1024 * 1024 + 1)), true);

            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    /** Breaks connections off after 3 MiB, less than the 4 MiB each of the SDK's ranged reads asks for. */
    private CuttingProxy cuttingProxy() throws IOException {
        return new CuttingProxy(URI.create(azurite.endpoint()).getPort(), 3 * 1024 * 1024);
    }

    private AzureBlobDestination throughProxy(CuttingProxy proxy) {
        String endpoint = "http://127.0.0.1:" + proxy.port() + "/" + AzuriteServer.ACCOUNT;
        return Azurite.builder(azurite, container.getBlobContainerName()).endpoint(endpoint)
                .connectionString(Secret.of(azurite.connectionString().replace(azurite.endpoint(), endpoint))).build();
    }

    private static void put(AzureBlobDestination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
