/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static dev.planb.notify.Events.LOCAL;
import static dev.planb.notify.Events.OFFSITE;
import static dev.planb.notify.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.spi.BackupId;
import dev.planb.event.BackupDamaged;
import dev.planb.event.BackupFailed;
import dev.planb.event.PlanBEvent;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FloodControlTest {

    FloodControl alerts = new FloodControl(NotificationKind.ALERTS);

    List<Notification> admit(FloodControl control, PlanBEvent... events) {
        return Stream.of(events).map(control::admit).flatMap(Optional::stream).toList();
    }

    @Test
    void aFailingRunSendsOneAlertHoweverManyThingsFail() {
        List<Notification> sent = admit(alerts, Events.started(T0), Events.destinationFailed(T0.plusSeconds(1), LOCAL),
                Events.destinationFailed(T0.plusSeconds(2), OFFSITE), Events.failed(T0.plusSeconds(3)));

        assertThat(sent).extracting(Notification::kind).containsExactly(NotificationKind.DESTINATION_FAILED);
        assertThat(sent.get(0).facts()).containsEntry("Destination", LOCAL);
    }

    @Test
    void eachFailingRunAlertsOnceThenTheFirstCompleteSuccessRecovers() {
        List<Notification> sent = admit(alerts,
                Events.started(T0), Events.failed(T0.plusSeconds(5)),
                Events.failed(T0.plusSeconds(60)), // a run that failed before it could start is a run too
                Events.started(T0.plusSeconds(3600)), Events.failed(T0.plusSeconds(3605)),
                Events.started(T0.plusSeconds(7200)), Events.succeeded(T0.plusSeconds(7242)),
                Events.started(T0.plusSeconds(10800)), Events.succeeded(T0.plusSeconds(10842)));

        assertThat(sent).extracting(Notification::kind).containsExactly(NotificationKind.FAILED,
                NotificationKind.FAILED, NotificationKind.FAILED, NotificationKind.RECOVERED);
        Notification recovered = sent.get(3);
        assertThat(recovered.headline()).isEqualTo("PlanB: backups of 'app' RECOVERED");
        assertThat(recovered.facts()).containsEntry("Failing since", T0.plusSeconds(5).toString())
                .containsEntry("Destinations", "2 of 2").containsEntry("Size", "1.5 MiB");
    }

    @Test
    void aPartialSuccessIsNotARecovery() {
        List<Notification> sent = admit(alerts, Events.failed(T0),
                Events.started(T0.plusSeconds(60)), Events.destinationFailed(T0.plusSeconds(61), OFFSITE),
                Events.succeeded(T0.plusSeconds(62), DestinationResult.succeeded(LOCAL),
                        DestinationResult.failed(OFFSITE, "No space left on device")),
                Events.started(T0.plusSeconds(120)), Events.succeeded(T0.plusSeconds(162)));

        assertThat(sent).extracting(Notification::kind).containsExactly(NotificationKind.FAILED,
                NotificationKind.DESTINATION_FAILED, NotificationKind.RECOVERED);
    }

    @Test
    void aStalePlanAlertsOnceUntilItHasANewBackup() {
        List<Notification> sent = admit(alerts, Events.stale(T0, T0.minusSeconds(100_000)),
                Events.stale(T0.plusSeconds(60), T0.minusSeconds(100_000)),
                Events.stale(T0.plusSeconds(120), T0.minusSeconds(100_000)),
                Events.started(T0.plusSeconds(180)), Events.succeeded(T0.plusSeconds(222)),
                Events.stale(T0.plusSeconds(200_000), T0.plusSeconds(222)));

        assertThat(sent).extracting(Notification::kind).containsExactly(NotificationKind.STALE,
                NotificationKind.RECOVERED, NotificationKind.STALE);
        assertThat(sent.get(0).headline()).isEqualTo("PlanB: backups of 'app' are STALE (1d 3h 46m 40s)");
        assertThat(sent.get(0).facts()).containsEntry("Max age", "1d 2h");
        assertThat(sent.get(0).nextStep()).contains("backup schedule", "run a backup now");
    }

    @Test
    void onlyTheChosenKindsAreSentAndAnUnchosenKindDoesNotUseTheRunsAlert() {
        FloodControl failuresAndSuccesses = new FloodControl(Set.of(NotificationKind.FAILED, NotificationKind.SUCCEEDED));

        List<Notification> sent = admit(failuresAndSuccesses, Events.started(T0),
                Events.destinationFailed(T0.plusSeconds(1), LOCAL), Events.failed(T0.plusSeconds(2)),
                Events.started(T0.plusSeconds(60)), Events.succeeded(T0.plusSeconds(100)));

        assertThat(sent).extracting(Notification::kind).containsExactly(NotificationKind.FAILED,
                NotificationKind.SUCCEEDED);
        assertThat(sent.get(1).nextStep()).isEqualTo("Nothing to do.");
    }

    @Test
    void plansAreCountedSeparately() {
        FloodControl control = new FloodControl(NotificationKind.ALERTS);
        PlanBEvent other = new BackupFailed("billing", T0, ErrorCode.DUMP_FAILED, "dump failed", Duration.ofSeconds(1));

        assertThat(admit(control, Events.started(T0), Events.destinationFailed(T0, LOCAL), other))
                .extracting(Notification::plan).containsExactly("app", "billing");
    }

    @Test
    void aDamagedBackupIsAnAlertOncePerBackupAndDestination() {
        BackupId first = new BackupId("20261124T235903Z-3fa9c1");
        BackupId second = new BackupId("20261125T235903Z-4b0d2e");
        String reason = "file:/b/app/20261124T235903Z-3fa9c1/manifest.json does not match its own checksum";
        List<Notification> sent = admit(alerts, new BackupDamaged("app", T0, LOCAL, first, reason),
                new BackupDamaged("app", T0.plusSeconds(3600), LOCAL, first, reason),
                new BackupDamaged("app", T0.plusSeconds(3600), OFFSITE, first, reason),
                new BackupDamaged("app", T0.plusSeconds(7200), LOCAL, second, reason));

        assertThat(sent).extracting(Notification::kind).containsOnly(NotificationKind.DAMAGED).hasSize(3);
        assertThat(sent.get(0).headline()).isEqualTo("PlanB: backup " + first + " of 'app' is DAMAGED");
        assertThat(sent.get(0).facts()).containsEntry("Destination", LOCAL).containsEntry("Problem", reason);
        assertThat(NotificationKind.DAMAGED.isProblem()).isTrue();
    }
}
