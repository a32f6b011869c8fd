/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.convert.TypeDescriptor;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.config.PlanFactory;
import dev.planb.config.PlanSettings;
import dev.planb.destination.LocalDirectoryDestination;

/** The starter's defaults are the core builder's, so a property left out means what the Java API means. */
class PlanBPropertiesTests {

    @TempDir
    Path folder;

    private final PlanBProperties properties = new PlanBProperties();
    private final BackupPlan core = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:h2:mem:defaults"))
            .destination(new LocalDirectoryDestination(Path.of("unused"))).build();

    @Test
    void defaultsAreTheCoreBuildersDefaults() {
        assertThat(properties.getTimeout()).isEqualTo(core.timeout());
        assertThat(properties.getCompression()).as("unset: the core's preferred compression").isNull();
        assertThat(properties.getMaxAge()).isNull();
        assertThat(core.maxAge()).isEmpty();
        assertThat(core.verification()).isEmpty();
        assertThat(properties.getVerification().getEvery()).isNull();
        assertThat(properties.getVerification().getEveryNthBackup()).isNull();
        assertThat(properties.getEncryption().getPublicKeys()).isEmpty();
        assertThat(properties.getEncryption().getPassphraseEnv()).isNull();
        assertThat(core.encryption().isEnabled()).isFalse();
        assertThat(core.notifiers()).isEmpty();
        assertThat(properties.getDestructiveChange().isEnabled()).isEqualTo(core.destructiveChange().enabled());
        assertThat(properties.getDestructiveChange().getMinRows()).isEqualTo(core.destructiveChange().minRows());
        assertThat(properties.getDestructiveChange().getMaxLoss()).isEqualTo(
                Math.round(core.destructiveChange().maxLossPercent()) + "%");
        assertThat(properties.getDestructiveChange().getHold()).isEqualTo(core.destructiveChange().hold());
    }

    @Test
    void aPlanMadeFromDefaultPropertiesEqualsOneMadeWithTheCoreBuilder() {
        properties.getDestinations().add(destination(folder));
        BackupPlan fromProperties = PlanFactory.builder().keyPrefix("planb").build()
                .plan("app", "planb", properties, DatabaseSource.of("jdbc:h2:mem:defaults"));
        assertThat(fromProperties.timeout()).isEqualTo(core.timeout());
        assertThat(fromProperties.compression()).isEqualTo(core.compression());
        assertThat(fromProperties.maxAge()).isEqualTo(core.maxAge());
        assertThat(fromProperties.encryption().mode()).isEqualTo(core.encryption().mode());
        assertThat(fromProperties.verification()).isEqualTo(core.verification());
        assertThat(fromProperties.notifiers()).isEqualTo(core.notifiers());
        assertThat(fromProperties.retention(fromProperties.destinations().get(0))).isEmpty();
        assertThat(fromProperties.lock().getClass()).isEqualTo(core.lock().getClass());
    }

    @Test
    void aScheduleIsACronExpressionOrAnInterval() {
        assertThat(PlanFactory.schedule("10s").period()).hasSeconds(10);
        assertThat(PlanFactory.schedule("PT6H").period()).hasHours(6);
        assertThat(PlanFactory.schedule("0 0 2 * * *").period()).hasDays(1);
    }

    @Test
    void durationsSpringReadsKeepTheirMeaningAndPlanBsGrammarIsAdded() {
        DurationTextConverter converter = new DurationTextConverter();
        TypeDescriptor string = TypeDescriptor.valueOf(String.class);
        TypeDescriptor duration = TypeDescriptor.valueOf(java.time.Duration.class);
        assertThat(converter.convert("10", string, duration)).as("Spring: milliseconds by default")
                .isEqualTo(java.time.Duration.ofMillis(10));
        assertThat(converter.convert("5d", string, duration)).isEqualTo(java.time.Duration.ofDays(5));
        assertThat(converter.convert("2w", string, duration)).isEqualTo(java.time.Duration.ofDays(14));
        assertThat(converter.convert("1d12h", string, duration)).isEqualTo(java.time.Duration.ofHours(36));
    }

    private static PlanSettings.DestinationSettings destination(Path folder) {
        PlanSettings.DestinationSettings destination = new PlanSettings.DestinationSettings();
        destination.setUri(folder.toString());
        return destination;
    }
}
