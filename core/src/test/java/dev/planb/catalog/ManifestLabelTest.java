/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.ProgressListener;
import dev.planb.SampleDb;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.internal.pipeline.RunControl;
import dev.planb.internal.run.BackupRun;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.ManifestChecksum;
import dev.planb.spi.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest's optional {@code label}: written only when set, covered by the manifest's checksum, and an
 * addition that readers without it ignore (as they ignore any field they do not know).
 */
class ManifestLabelTest {

    @TempDir
    Path tmp;
    LocalDirectoryDestination destination;
    BackupPlan plan;

    @BeforeEach
    void createDatabase() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(destination).build();
    }

    @Test
    void aLabelIsStoredReadBackAndCoveredByTheChecksum() throws Exception {
        BackupResult labelled = backup("before V42__drop_legacy");
        Path file = manifestOf(labelled);

        assertThat(Json.mapper().readTree(file.toFile()).get("label").asText()).isEqualTo("before V42__drop_legacy");
        assertThat(new Catalog(destination).find("app", labelled.id().value()).label()).isEqualTo("before V42__drop_legacy");

        Files.writeString(file, Files.readString(file).replace("before V42__drop_legacy", "before V43__drop_legacy"));
        assertThatThrownBy(() -> ManifestReader.read(Files.readAllBytes(file), "manifest.json"))
                .isInstanceOf(DamagedManifestException.class).hasMessageContaining("does not match its own checksum");
    }

    @Test
    void anUnlabelledManifestHasNoLabelFieldSoItsFormatIsUnchanged() throws Exception {
        BackupResult plain = backup(null);

        assertThat(Json.mapper().readTree(manifestOf(plain).toFile()).has("label")).isFalse();
        assertThat(new Catalog(destination).find("app", plain.id().value()).label()).isNull();
    }

    @Test
    void aReaderIgnoresAFieldItDoesNotKnowAsOlderReadersIgnoreTheLabel() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(manifestOf(backup("before V42__drop_legacy")).toFile());
        tree.put("addedByANewerPlanB", "something");
        tree.put(ManifestChecksum.FIELD, ManifestChecksum.of(tree));

        Manifest read = ManifestReader.read(Json.mapper().writeValueAsString(tree).getBytes(StandardCharsets.UTF_8),
                "manifest.json");

        assertThat(read.label()).isEqualTo("before V42__drop_legacy");
    }

    @Test
    void aLabelIsOneLineOfAtMost200Characters() {
        assertThat(Manifest.checkLabel("x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> Manifest.checkLabel("x".repeat(201))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("use one line of text of 1 to 200 characters");
        assertThatThrownBy(() -> Manifest.checkLabel("a\tb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Manifest.checkLabel(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private BackupResult backup(String label) {
        return new BackupRun(plan, ProgressListener.NONE, Clock.systemUTC(), RunControl.none(), label).execute();
    }

    private Path manifestOf(BackupResult backup) {
        return destination.root().resolve(Layout.manifestKey("app", backup.id()));
    }
}
