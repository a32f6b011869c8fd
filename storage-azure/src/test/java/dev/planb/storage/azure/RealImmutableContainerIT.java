/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.retention.PruneOutcome;
import dev.planb.retention.PruneReport;
import dev.planb.retention.Pruner;
import dev.planb.retention.RetentionPolicy;
import dev.planb.spi.Layout;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.StoredObject;
import dev.planb.testing.LargeSqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in: proves against a real storage account what Azurite cannot, that Azure refuses to delete
 * a blob under a version-level immutability policy, that pruning reports it as retained, and that
 * {@code check} says it is protected. Not run by {@code mvn verify} (its name ends in IT); run it
 * as docs/destinations/azure.md says, with:
 *
 * <ul>
 *   <li>{@code PLANB_AZURE_IMMUTABLE_URI}: {@code azblob://ACCOUNT/CONTAINER/PREFIX} of a container with
 *       version-level immutability support enabled (and so blob versioning on the account);</li>
 *   <li>credentials as for the command line ({@code AZURE_STORAGE_CONNECTION_STRING}, {@code
 *       AZURE_STORAGE_SAS_TOKEN}, or a signed-in identity with Storage Blob Data Owner, which may set
 *       immutability policies).</li>
 * </ul>
 *
 * Blobs get an unlocked one-day policy, so an administrator can remove them early.
 */
class RealImmutableContainerIT {

    private static final String URI_VARIABLE = "PLANB_AZURE_IMMUTABLE_URI";

    @TempDir
    Path dir;

    private AzureBlobDestination destination;

    @BeforeEach
    void destination() {
        String uri = System.getenv(URI_VARIABLE);
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException(URI_VARIABLE + " is not set: export it as azblob://ACCOUNT/CONTAINER/PREFIX "
                    + "of a container with version-level immutability, with credentials, to run this suite (see "
                    + "docs/destinations/azure.md)");
        }
        String run = "planb-it-" + UUID.randomUUID().toString().substring(0, 8);
        String base = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        String query = uri.contains("?") ? "&" + uri.substring(uri.indexOf('?') + 1) : "";
        destination = AzureBlobUri.builder(base + "/" + run + "?immutableDays=1" + query, System::getenv).build();
    }

    @Test
    void immutableBackupCannotBeDeletedAndPruningReportsItRetained() throws Exception {
        Path database = dir.resolve("app.db");
        LargeSqliteDatabase.create(database, 1);
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:" + database))
                .destination(destination).build();
        BackupResult first = PlanB.backup(plan);
        BackupResult second = PlanB.backup(plan);
        assertThat(first.destinations()).flatExtracting(DestinationResult::warnings).isEmpty();
        assertThat(second.destinations()).flatExtracting(DestinationResult::warnings).isEmpty();

        String manifest = Layout.manifestKey("app", first.id());
        assertThat(destination.retainedUntil(manifest)).hasValueSatisfying(
                until -> assertThat(until).isAfter(Instant.now().plus(Duration.ofHours(23))));
        assertThatThrownBy(() -> destination.delete(manifest)).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED);
            assertThat(e.getMessage()).contains("immutable", "retained until");
        });
        assertThat(destination.list("app/")).extracting(StoredObject::key).contains(manifest);

        PruneReport report = new Pruner(destination).prune("app", RetentionPolicy.builder().keepLast(1).build(),
                Instant.now(), false);
        assertThat(report.deleted()).isEmpty();
        assertThat(report.backups()).anySatisfy(backup -> {
            assertThat(backup.backup().id()).isEqualTo(first.id());
            assertThat(backup.outcome()).isEqualTo(PruneOutcome.RETAINED);
            assertThat(backup.detail()).contains("retained until");
        });
    }

    @Test
    void checkSaysProtectedByTheImmutabilityPolicy() {
        ProtectionReport report = PlanB.check(destination);

        assertThat(report.verdict()).isEqualTo(ProtectionReport.Verdict.OBJECT_LOCK);
        assertThat(report.summary()).contains("protected by a storage lock (until");
    }
}
