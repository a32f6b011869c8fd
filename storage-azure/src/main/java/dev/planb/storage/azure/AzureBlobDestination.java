/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import com.azure.core.http.rest.PagedIterable;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobImmutabilityPolicy;
import com.azure.storage.blob.models.BlobImmutabilityPolicyMode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.Block;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.Destination;
import dev.planb.spi.IncompleteWrite;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.StoredObject;
import dev.planb.spi.CommittingWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A folder in an Azure Blob Storage container. Each object is a block blob whose blocks are
 * staged as the data arrives (one block in memory at a time) and committed last, so an
 * interrupted upload never becomes a visible blob (Azure discards uncommitted blocks after a
 * week). Data blobs can go to another access tier (manifests stay in the account's default, so
 * listing and planning a restore never wait for a rehydration); every blob can get a
 * version-level immutability policy and a legal hold, which PlanB reads back.
 *
 * <pre>{@code
 * Destination azure = AzureBlobDestination.builder()
 *         .account("planbbackups").container("orders").prefix("prod/")
 *         .connectionString(Secret.fromEnvironment("AZURE_STORAGE_CONNECTION_STRING")) // or sasToken(…), or none:
 *         .immutability(Immutability.unlockedDays(30))                                   // the default chain
 *         .tier(AccessTier.COOL)
 *         .build();
 * // or, as the command line writes it (credentials from the environment):
 * Destination same = AzureBlobUri.parse("azblob://planbbackups/orders/prod?immutableDays=30&tier=cool");
 * }</pre>
 */
public final class AzureBlobDestination implements Destination {

    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");
    private static final List<String> METADATA_FILES = List.of("manifest.json", "RESTORE.md");

    private final AzureSettings settings;
    private final AzureErrors errors;
    private final BlobContainerClient container;

    private AzureBlobDestination(AzureSettings settings) {
        this.settings = settings;
        this.errors = new AzureErrors(settings);
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3, (Integer) null, 1_000L, 8_000L, null));
        settings.credentials().applyTo(builder);
        if (!settings.credentials().isConnectionString() || settings.endpoint() != null) {
            builder.endpoint(settings.serviceEndpoint()); // endpoint= wins over a connection string's own
        }
        this.container = builder.buildClient().getBlobContainerClient(settings.container());
    }

    /**
     * Starts describing an Azure Blob destination.
     *
     * @return a builder without account or container, which {@link Builder#build()} requires
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
        String name = settings.blobName(checked(key));
        return new BlockWriter(container.getBlobClient(name).getBlockBlobClient(), name, isData(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        String name = settings.blobName(checked(key));
        try {
            return container.getBlobClient(name).openInputStream();
        } catch (RuntimeException e) {
            throw errors.io("Cannot read from", name, e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        try {
            PagedIterable<BlobItem> blobs = container.listBlobs(new ListBlobsOptions()
                    .setPrefix(settings.blobName(prefix)).setMaxResultsPerPage(1000), null);
            for (BlobItem blob : blobs) {
                if (blob.isPrefix() != null && blob.isPrefix()) {
                    continue;
                }
                objects.add(new StoredObject(blob.getName().substring(settings.prefix().length()),
                        blob.getProperties().getContentLength()));
            }
        } catch (RuntimeException e) {
            throw errors.io("Cannot list", null, e);
        }
        return objects;
    }

    /**
     * Deletes the blob. Refused with {@link ErrorCode#DELETE_NOT_PERMITTED} on a
     * {@link Builder#writeOnly(boolean) write-only} destination, when the credentials may not
     * delete, or while the blob is immutable.
     */
    @Override
    public void delete(String key) throws IOException {
        String name = settings.blobName(checked(key));
        if (settings.writeOnly()) {
            throw errors.deleteNotPermitted(name, "this destination is write-only; expire old backups with a "
                    + "lifecycle management rule", null);
        }
        try {
            container.getBlobClient(name).deleteIfExists();
        } catch (BlobStorageException e) {
            String code = String.valueOf(e.getErrorCode());
            if (code.contains("Immutable") || code.contains("LegalHold")) {
                throw errors.deleteNotPermitted(name, "it is immutable (" + code + ")"
                        + retainedUntil(key).map(until -> ", retained until " + until).orElse(""), e);
            }
            if (e.getStatusCode() == 403) {
                throw errors.deleteNotPermitted(name, "these credentials cannot delete (" + code + "); expire old "
                        + "backups with a lifecycle management rule", e);
            }
            throw errors.io("Cannot delete from", name, e);
        } catch (RuntimeException e) {
            throw errors.io("Cannot delete from", name, e);
        }
    }

    /**
     * Blobs with staged blocks and no committed content: uploads a killed run never committed. Azure removes them
     * itself a week after their last block; until then they hold storage.
     */
    @Override
    public List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        String blobPrefix = settings.blobName(prefix);
        List<IncompleteWrite> writes = new ArrayList<>();
        try {
            Set<String> committed = new HashSet<>();
            container.listBlobs(new ListBlobsOptions().setPrefix(blobPrefix), null)
                    .forEach(blob -> committed.add(blob.getName()));
            ListBlobsOptions withUncommitted = new ListBlobsOptions().setPrefix(blobPrefix)
                    .setDetails(new BlobListDetails().setRetrieveUncommittedBlobs(true));
            for (BlobItem blob : container.listBlobs(withUncommitted, null)) {
                if (!committed.contains(blob.getName())) {
                    String key = blob.getName().substring(settings.prefix().length());
                    OffsetDateTime modified = blob.getProperties().getLastModified() != null
                            ? blob.getProperties().getLastModified() : blob.getProperties().getCreationTime();
                    writes.add(new IncompleteWrite(key, key, stagedBytes(blob.getName()),
                            modified == null ? Instant.now() : modified.toInstant()));
                }
            }
        } catch (RuntimeException e) {
            throw errors.io("Cannot list", null, e);
        }
        return writes;
    }

    private long stagedBytes(String name) {
        try {
            return container.getBlobClient(name).getBlockBlobClient().listBlocks(BlockListType.UNCOMMITTED)
                    .getUncommittedBlocks().stream().mapToLong(Block::getSizeLong).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Drops the staged blocks: commits an empty block list (only where no blob exists, so nothing is ever
     * overwritten) and deletes the empty blob. Refused with {@link ErrorCode#DELETE_NOT_PERMITTED} where deleting
     * is not allowed or blobs are made immutable, since the empty blob would then stay; Azure drops the blocks
     * itself after a week.
     */
    @Override
    public void discard(IncompleteWrite write) throws IOException {
        String name = settings.blobName(checked(write.handle()));
        if (settings.writeOnly() || settings.immutability() != null) {
            throw errors.deleteNotPermitted(name, "staged blocks can only be dropped by committing an empty blob and "
                    + "deleting it, which this destination may not do; Azure drops them a week after the last write",
                    null);
        }
        BlockBlobClient blob = container.getBlobClient(name).getBlockBlobClient();
        try {
            blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(List.of())
                    .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, null);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409 || e.getStatusCode() == 412) {
                return; // another writer committed it meanwhile, which dropped the staged blocks
            }
            throw errors.io("Cannot discard the staged blocks of", name, e);
        } catch (RuntimeException e) {
            throw errors.io("Cannot discard the staged blocks of", name, e);
        }
        delete(write.handle());
    }

    @Override
    public boolean canDelete() {
        return !settings.writeOnly();
    }

    /** The blob's immutability policy expiry, while it is in the future. */
    @Override
    public Optional<Instant> retainedUntil(String key) throws IOException {
        String name = settings.blobName(checked(key));
        try {
            BlobImmutabilityPolicy policy = container.getBlobClient(name).getProperties().getImmutabilityPolicy();
            return Optional.ofNullable(policy == null ? null : policy.getExpiryTime()).map(OffsetDateTime::toInstant)
                    .filter(Instant.now()::isBefore);
        } catch (RuntimeException e) {
            throw errors.io("Cannot read the properties of", name, e);
        }
    }

    /** The canary check, with what this destination asks of the container: immutability, tier, write-only. */
    @Override
    public ProtectionReport checkProtection() throws IOException {
        ProtectionReport canary = Destination.super.checkProtection();
        List<String> details = new ArrayList<>(canary.details());
        details.add(settings.immutability() == null
                ? "Immutability: none asked for (immutableDays=N sets a version-level policy on every blob)"
                : "Immutability asked for on every blob: " + settings.immutability().describe());
        if (settings.tier() != null) {
            details.add("Access tier of data blobs: " + settings.tier());
        }
        return new ProtectionReport(canary.destination(), canary.verdict(), canary.summary(), details);
    }

    @Override
    public String toString() {
        return "AzureBlobDestination[" + description() + "]";
    }

    /** Manifests, restore guides and verification records stay in the default tier: only data blobs move. */
    private static boolean isData(String key) {
        String file = key.substring(key.lastIndexOf('/') + 1);
        return !METADATA_FILES.contains(file) && !file.endsWith(".json");
    }

    private static String checked(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")
                || List.of(key.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."))) {
            throw new IllegalArgumentException("invalid key: " + key);
        }
        return key;
    }

    /** Stages a block whenever one is full; commit stages the rest and commits the block list. */
    private final class BlockWriter extends CommittingWriter {
        private final BlockBlobClient blob;
        private final boolean data;
        private final String idPrefix = UUID.randomUUID().toString();
        private final List<String> blockIds = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private byte[] buffer;
        private int filled;

        BlockWriter(BlockBlobClient blob, String name, boolean data) {
            super(name);
            this.blob = blob;
            this.data = data;
        }

        @Override
        protected void send(byte[] b, int off, int len) throws IOException {
            if (buffer == null) {
                buffer = new byte[settings.blockSize()];
            }
            while (len > 0) {
                int chunk = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, chunk);
                filled += chunk;
                off += chunk;
                len -= chunk;
                if (filled == buffer.length) {
                    stage();
                }
            }
        }

        private void stage() throws IOException {
            String id = Base64.getEncoder().encodeToString(String.format(Locale.ROOT, "%s-%08d", idPrefix,
                    blockIds.size()).getBytes(StandardCharsets.US_ASCII));
            try {
                blob.stageBlock(id, new ByteArrayInputStream(buffer, 0, filled), filled);
            } catch (RuntimeException e) {
                throw errors.io("Cannot write to", name(), e);
            }
            blockIds.add(id);
            filled = 0;
        }

        @Override
        protected void finish() throws IOException {
            if (filled > 0) {
                stage();
            }
            buffer = null;
            BlockBlobCommitBlockListOptions options = new BlockBlobCommitBlockListOptions(blockIds)
                    .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")); // written once, never over
            if (data && settings.tier() != null) {
                options.setTier(settings.tier());
            }
            Immutability immutability = settings.immutability();
            if (immutability != null) {
                if (immutability.retention() != null) {
                    options.setImmutabilityPolicy(new BlobImmutabilityPolicy()
                            .setExpiryTime(OffsetDateTime.now(ZoneOffset.UTC).plus(immutability.retention()))
                            .setPolicyMode(immutability.locked() ? BlobImmutabilityPolicyMode.LOCKED
                                    : BlobImmutabilityPolicyMode.UNLOCKED));
                }
                if (immutability.legalHold()) {
                    options.setLegalHold(true);
                }
            }
            try {
                blob.commitBlockListWithResponse(options, null, null);
            } catch (RuntimeException e) {
                throw errors.io("Cannot write to", name(), e);
            }
            if (immutability != null) {
                confirm(immutability);
            }
        }

        /** Reads the blob's immutability back: a policy asked for and not in force is a warning on the run. */
        private void confirm(Immutability immutability) {
            try {
                BlobProperties properties = blob.getProperties();
                BlobImmutabilityPolicy policy = properties.getImmutabilityPolicy();
                boolean retained = immutability.retention() == null || policy != null && policy.getExpiryTime() != null
                        && policy.getExpiryTime().isAfter(OffsetDateTime.now(ZoneOffset.UTC));
                boolean held = !immutability.legalHold() || Boolean.TRUE.equals(properties.hasLegalHold());
                if (!retained || !held) {
                    warnings.add("Immutability not confirmed on " + description() + " for '" + name() + "' (asked for "
                            + immutability.describe() + ", the blob reports " + (policy == null
                                    || policy.getExpiryTime() == null ? "no retention" : "retention until "
                                    + policy.getExpiryTime()) + (Boolean.TRUE.equals(properties.hasLegalHold())
                                            ? " and a legal hold" : "") + "): enable version-level immutability on "
                            + "container '" + settings.container() + "'");
                }
            } catch (RuntimeException e) {
                warnings.add("Immutability not confirmed on " + description() + " for '" + name() + "': "
                        + errors.redact(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst()
                                .orElse("")));
            }
        }

        @Override
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        /** Uncommitted blocks are never a visible blob; Azure discards them after a week, {@code planb cleanup} sooner. */
        @Override
        protected void abort() {
            buffer = null;
        }
    }

    /**
     * Describes an Azure Blob destination. Account and container are required; without
     * credentials the SDK's default chain signs in.
     */
    public static final class Builder {
        private String account;
        private String container;
        private String prefix = "";
        private String endpoint;
        private AzureCredentials credentials;
        private AccessTier tier;
        private Immutability immutability;
        private boolean writeOnly;
        private int blockSize = 4 * 1024 * 1024;

        private Builder() {
        }

        /**
         * Sets the storage account (required).
         *
         * @param account the account's name, 3 to 24 lower-case letters and digits, as in
         *     {@code https://ACCOUNT.blob.core.windows.net}
         * @return this builder
         */
        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /**
         * Sets the container (required). PlanB never creates it: it must exist, and for
         * {@link #immutability(Immutability)} it must have version-level immutability enabled.
         *
         * @param container the container's name, 3 to 63 lower-case letters, digits and single hyphens,
         *     or {@code $root}
         * @return this builder
         */
        public Builder container(String container) {
            this.container = container;
            return this;
        }

        /**
         * Puts the backups in a folder inside the container, so that one container can hold several
         * plans or applications.
         *
         * @param prefix folder names separated by {@code /}, not starting with {@code /}, e.g.
         *     {@code prod/orders}; {@code ""} (the default) for the container's root
         * @return this builder
         */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /**
         * The blob service endpoint, for Azurite ({@code http://127.0.0.1:10000/devstoreaccount1}) and
         * sovereign clouds; default {@code https://ACCOUNT.blob.core.windows.net}.
         *
         * @param endpoint an {@code http} or {@code https} URL, without a SAS signature in it
         * @return this builder
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Signs in with a connection string instead of the SDK's default chain. Not together with
         * {@link #sasToken(Secret)}: the last one given is used.
         *
         * @param connectionString the connection string, e.g. from {@code AZURE_STORAGE_CONNECTION_STRING};
         *     it may carry its own endpoint, which {@link #endpoint(String)} overrides
         * @return this builder
         */
        public Builder connectionString(Secret connectionString) {
            this.credentials = AzureCredentials.connectionString(connectionString, "the given connection string");
            return this;
        }

        /**
         * Signs in with a shared access signature instead of the SDK's default chain; a SAS without
         * delete permission, with {@link #writeOnly(boolean) writeOnly(true)}, keeps production from
         * removing its backups. Not together with {@link #connectionString(Secret)}: the last one given is used.
         *
         * @param sasToken the token's query string, {@code sv=…&sig=…}, with or without a leading {@code ?}
         * @return this builder
         */
        public Builder sasToken(Secret sasToken) {
            this.credentials = AzureCredentials.sasToken(sasToken, "the given SAS token");
            return this;
        }

        /** Credentials described by where they came from, for messages (used by {@link AzureBlobUri}). */
        Builder credentials(AzureCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * Puts the data blobs in another access tier, to pay less for storage and more for reads.
         * Manifests and restore guides stay in the account's default, so listing and planning a restore
         * never wait for a rehydration.
         *
         * @param tier e.g. {@link AccessTier#COOL}, {@link AccessTier#COLD} or {@link AccessTier#ARCHIVE};
         *     {@code null} (the default) for the account's default tier
         * @return this builder
         */
        public Builder tier(AccessTier tier) {
            this.tier = tier;
            return this;
        }

        /**
         * Sets version-level immutability (and optionally a legal hold) on every blob written, then
         * reads it back: a blob whose protection is not in force is a warning on the run.
         *
         * @param immutability the retention and legal hold each blob gets; {@code null} (the default) for none
         * @return this builder
         */
        public Builder immutability(Immutability immutability) {
            this.immutability = immutability;
            return this;
        }

        /**
         * These credentials may not delete (the safer set-up: production cannot remove its
         * backups). PlanB then never tries; deletes fail with {@link ErrorCode#DELETE_NOT_PERMITTED}.
         *
         * @param writeOnly {@code true} when the credentials cannot delete; default {@code false}
         * @return this builder
         */
        public Builder writeOnly(boolean writeOnly) {
            this.writeOnly = writeOnly;
            return this;
        }

        /**
         * Sets the size of each staged block, which is the memory one upload holds. Azure takes at most
         * 50,000 blocks per blob, so the default allows blobs up to about 195 GiB.
         *
         * @param bytes 1 MiB to 100 MiB (default 4 MiB)
         * @return this builder
         */
        public Builder blockSize(int bytes) {
            this.blockSize = bytes;
            return this;
        }

        /**
         * Checks the settings and creates the destination; nothing is connected yet.
         *
         * @return the destination; the SDK's client holds no resource to close
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming the bad setting
         */
        public AzureBlobDestination build() {
            require(account != null && account.matches("[a-z0-9]{3,24}"), "account '" + account + "' is not a storage "
                    + "account name: 3-24 lowercase letters and digits");
            require(container != null && (CONTAINER_NAME.matcher(container).matches() || container.equals("$root")),
                    "container '" + container + "' is not a container name: 3-63 lowercase letters, digits and "
                    + "single hyphens");
            require(prefix != null && !prefix.startsWith("/"), "prefix must not start with /");
            require(endpoint == null || endpoint.startsWith("https://") || endpoint.startsWith("http://"), "endpoint '"
                    + endpoint + "' is not an http(s) URL");
            require(endpoint == null || !endpoint.contains("sig="), "endpoint holds a SAS signature: never put one in "
                    + "the URI; set AZURE_STORAGE_SAS_TOKEN or give sasFile=FILE");
            require(blockSize >= 1024 * 1024 && blockSize <= 100 * 1024 * 1024, "blockSize " + blockSize
                    + " is outside 1 MiB to 100 MiB");
            String folder = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
            String service = endpoint == null ? null : endpoint.endsWith("/") ? endpoint.substring(0,
                    endpoint.length() - 1) : endpoint;
            return new AzureBlobDestination(new AzureSettings(account, container, folder, service,
                    credentials != null ? credentials : AzureCredentials.defaultChain(), tier, immutability, writeOnly,
                    blockSize));
        }

        private void require(boolean condition, String problem) {
            if (!condition) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Azure Blob destination"
                        + (account == null ? "" : " " + account + "/" + container) + ": " + problem);
            }
        }
    }
}
