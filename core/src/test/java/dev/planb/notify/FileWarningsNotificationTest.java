/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupResult;
import dev.planb.DestinationResult;
import dev.planb.event.BackupSucceeded;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileWarningsNotificationTest {

    @Test
    void filesThatChangedWhileReadAreInTheSuccessNotification() {
        Manifest plain = Events.manifest(Events.T0);
        Manifest withFiles = new Manifest(plain.formatVersion(), plain.plan(), plain.backupId(), plain.kind(), null,
                plain.engine(), plain.database(), plain.startedAt(), plain.finishedAt(),
                List.of(plain.databaseArtifact(), new Artifact("files-uploads.tar.zst", 10, "b".repeat(64), "zstd",
                        "none", 20)), plain.tables(), plain.planbVersion(),
                List.of(new FileSet("uploads", "/var/lib/app/uploads", "files-uploads.tar.zst", null, 2, 20, 2, 20,
                        List.of("a.jpg grew while being read: the stored copy holds its first 10 bytes"),
                        List.of("private/key.pem"))), List.of());
        BackupSucceeded event = new BackupSucceeded("app", Events.T0, new BackupResult(withFiles,
                List.of(DestinationResult.succeeded(Events.LOCAL))), Duration.ofSeconds(3));

        Notification notification = Notifications.of(event, NotificationKind.SUCCEEDED, null);

        assertThat(notification.facts().get("File warnings")).startsWith("2: ")
                .contains("uploads: a.jpg grew while being read", "uploads: private/key.pem was unreadable and skipped");
        assertThat(Notifications.of(Events.succeeded(Events.T0), NotificationKind.SUCCEEDED, null).facts())
                .doesNotContainKey("File warnings");
    }
}
