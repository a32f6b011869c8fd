/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.config.ConfiguredRuntime;
import dev.planb.config.InvalidSettingException;
import dev.planb.config.PlanFactory;
import dev.planb.config.PlanSettings;
import dev.planb.event.PlanBListener;
import dev.planb.storage.azure.AzureBlobUri;
import dev.planb.storage.ftp.FtpUri;
import dev.planb.storage.rclone.RcloneUri;
import dev.planb.storage.s3.S3DestinationUri;
import dev.planb.storage.sftp.SftpUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.env.Environment;

/**
 * Backs up the application's {@link DataSource} (the only, the {@code @Primary} or the
 * {@link PlanBDataSource} one) on a schedule as {@code planb.*} says: one property
 * ({@code planb.destinations.local.uri}) is enough. A {@link PlanB} bean of the application's own replaces
 * it; {@code planb.enabled=false} turns it off. Works on Spring Boot 3.5 and 4.0: what differs between
 * them lives in small auto-configurations switched on by their generation's classes
 * ({@code Boot3DataSourceLogins}, {@code Boot4DataSourceLogins}, the health auto-configurations).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass({PlanB.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "planb.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlanBProperties.class)
public class PlanBAutoConfiguration {

    /**
     * Applied by Spring Boot, never made by application code: to replace PlanB's runtime, define a
     * {@link PlanB} bean; to turn it off, set {@code planb.enabled=false}.
     */
    public PlanBAutoConfiguration() {
    }

    /**
     * The plans' runtime (and their log streamers), made here and started by {@link #planbLifecycle} once
     * the application has started.
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean({PlanB.class, ConfiguredRuntime.class})
    ConfiguredRuntime planbRuntime(PlanBProperties properties, @PlanBDataSource ObjectProvider<DataSource> planbDataSource,
            ObjectProvider<DataSource> dataSource, ObjectProvider<BootDataSourceLogins> boot,
            ObjectProvider<BackupPlanCustomizer> customizers,
            ObjectProvider<DestinationResolver> resolvers, ObjectProvider<PlanBListener> listeners, Environment environment) {
        PlanFactory.Builder factory = PlanFactory.builder().keyPrefix("planb");
        resolvers.orderedStream().forEach(factory::destinationResolver);
        customizers.orderedStream().forEach(customizer -> factory.customizer(customizer::customize));
        listeners.orderedStream().forEach(factory::listener);
        PlanFactory plans = factory.build();
        Map<BackupPlan, PlanSettings> all = new LinkedHashMap<>();
        NamedDestinations named = new NamedDestinations(environment);
        named.addTo("planb", properties);
        properties.getPlans().forEach((name, plan) -> named.addTo("planb.plans." + name, plan));
        try {
            all.put(plans.plan(properties.getName(), "planb", properties, properties.getDatabase().getUrl() != null ? null
                    : applicationDatabase(properties, planbDataSource, dataSource, boot.getIfAvailable())), properties);
            properties.getPlans().forEach((name, plan) -> all.put(plans.plan(name, "planb.plans." + name, plan), plan));
            return plans.prepare(all, List.of(), properties.getThreads(), properties.getShutdownGrace());
        } catch (InvalidSettingException e) {
            throw new InvalidPlanBPropertyException(named.asWritten(e.setting()), e.problem());
        }
    }

    /** Starts {@link #planbRuntime} with the application and stops it, gracefully, at shutdown. */
    @Bean
    @ConditionalOnBean(ConfiguredRuntime.class)
    PlanBLifecycle planbLifecycle(ConfiguredRuntime runtime) {
        return new PlanBLifecycle(runtime);
    }

    /** {@code Duration} properties also read {@code 2w} and {@code 1d12h}, PlanB's duration grammar. */
    @Bean
    @ConfigurationPropertiesBinding
    static GenericConverter planbDurationConverter() {
        return new DurationTextConverter();
    }

    /** The runtime of {@link #planbRuntime}: what health, metrics and the status page read. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    @ConditionalOnBean(ConfiguredRuntime.class)
    PlanB planB(ConfiguredRuntime runtime) {
        return runtime.planB();
    }

    private static DatabaseSource applicationDatabase(PlanBProperties properties, ObjectProvider<DataSource> qualified,
            ObjectProvider<DataSource> dataSource, BootDataSourceLogins boot) {
        DataSource marked;
        try {
            marked = qualified.getIfAvailable();
        } catch (NoUniqueBeanDefinitionException e) {
            throw new InvalidPlanBPropertyException("planb.database.url", "the application has " + e.getNumberOfBeansFound()
                    + " DataSource beans marked @PlanBDataSource: mark only the one to back up");
        }
        if (marked != null) {
            return ApplicationDatabase.of(properties.getDatabase(), boot, marked, true);
        }
        DataSource appDataSource = dataSource.getIfUnique();
        if (appDataSource == null) {
            throw new InvalidPlanBPropertyException("planb.database.url", "the application has several DataSource beans"
                    + " and none is @Primary or @PlanBDataSource: mark the one to back up @PlanBDataSource, set"
                    + " planb.database.url, or set planb.enabled=false");
        }
        return ApplicationDatabase.of(properties.getDatabase(), boot, appDataSource, false);
    }

    /**
     * Every plan checked once at start-up, as {@code planb doctor} checks it, with the report in the
     * log; {@code planb.preflight=false} turns it off.
     */
    @Bean
    @ConditionalOnBean(PlanB.class)
    @ConditionalOnBooleanProperty(name = "planb.preflight", matchIfMissing = true)
    StartupPreflight planbStartupPreflight(PlanB planB, ObjectProvider<ConfiguredRuntime> runtime) {
        ConfiguredRuntime configured = runtime.getIfAvailable();
        return new StartupPreflight(planB, configured == null ? Set.of() : configured.streamingPlans());
    }

    /** {@code sftp://} destinations, when {@code planb-storage-sftp} is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.planb.storage.sftp.SftpDestination")
    static class SftpDestinations {

        @Bean
        DestinationResolver planbSftpDestinations() {
            return new SchemeResolver("sftp", SftpUri::parse);
        }
    }

    /** {@code s3://} destinations, when {@code planb-storage-s3} is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.planb.storage.s3.S3Destination")
    static class S3Destinations {

        @Bean
        DestinationResolver planbS3Destinations() {
            return new SchemeResolver("s3", uri -> S3DestinationUri.parse(uri).build());
        }
    }

    /** {@code ftp://} and {@code ftps://} destinations, when {@code planb-storage-ftp} is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.planb.storage.ftp.FtpDestination")
    static class FtpDestinations {

        @Bean
        DestinationResolver planbFtpDestinations() {
            return new SchemeResolver("ftp", FtpUri::parse);
        }

        @Bean
        DestinationResolver planbFtpsDestinations() {
            return new SchemeResolver("ftps", FtpUri::parse);
        }
    }

    /** {@code rclone://} destinations, when {@code planb-storage-rclone} is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.planb.storage.rclone.RcloneDestination")
    static class RcloneDestinations {

        @Bean
        DestinationResolver planbRcloneDestinations() {
            return new SchemeResolver("rclone", RcloneUri::parse);
        }
    }

    /** {@code azblob://} destinations, when {@code planb-storage-azure} is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.planb.storage.azure.AzureBlobDestination")
    static class AzureBlobDestinations {

        @Bean
        DestinationResolver planbAzureBlobDestinations() {
            return new SchemeResolver("azblob", AzureBlobUri::parse);
        }
    }
}
