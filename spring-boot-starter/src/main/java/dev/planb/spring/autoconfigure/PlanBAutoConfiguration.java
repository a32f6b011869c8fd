package dev.planb.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.Secret;
import dev.planb.event.PlanBListener;
import dev.planb.storage.azure.AzureBlobUri;
import dev.planb.storage.ftp.FtpUri;
import dev.planb.storage.rclone.RcloneUri;
import dev.planb.storage.s3.S3DestinationUri;
import dev.planb.storage.sftp.SftpUri;

/**
 * Backs up the application's {@link DataSource} on a schedule as {@code planb.*} says: one
 * property ({@code planb.destinations[0].uri}) is enough. A {@link PlanB} bean of the
 * application's own replaces it; {@code planb.enabled=false} turns it off.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({PlanB.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "planb.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlanBProperties.class)
public class PlanBAutoConfiguration {

    /**
     * The runtime, started here and closed with the application context (a running backup then
     * leaves nothing behind).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PlanB planB(PlanBProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<DataSourceProperties> dataSourceProperties, ObjectProvider<BackupPlanCustomizer> customizers,
            ObjectProvider<DestinationResolver> resolvers, ObjectProvider<PlanBListener> listeners) {
        PlanFactory factory = new PlanFactory(new Destinations(resolvers.orderedStream().toList()),
                customizers.orderedStream().toList());
        List<BackupPlan> plans = new ArrayList<>();
        DataSource appDataSource = dataSource.getIfUnique();
        if (appDataSource == null) {
            throw new InvalidPlanBPropertyException("planb.enabled", "the application has several DataSource beans and"
                    + " none is @Primary: mark the one to back up @Primary, or set planb.enabled=false");
        }
        plans.add(factory.create(properties.getName(), "planb", properties,
                ApplicationDatabase.of(appDataSource, dataSourceProperties.getIfUnique())));
        for (Map.Entry<String, PlanBProperties.OtherPlan> other : properties.getPlans().entrySet()) {
            String prefix = "planb.plans." + other.getKey();
            plans.add(factory.create(other.getKey(), prefix, other.getValue(),
                    database(prefix + ".database", other.getValue().getDatabase())));
        }
        PlanB.Builder runtime = PlanB.builder().plans(plans);
        runtime.threads(InvalidPlanBPropertyException.converting("planb.threads", () -> positive(properties.getThreads())));
        listeners.orderedStream().forEach(runtime::listener);
        return InvalidPlanBPropertyException.converting("planb", runtime::start);
    }

    private static DatabaseSource database(String prefix, PlanBProperties.DatabaseSettings settings) {
        return InvalidPlanBPropertyException.converting(prefix + ".url", () -> settings.getUsername() == null
                ? DatabaseSource.of(settings.getUrl())
                : DatabaseSource.of(settings.getUrl(), settings.getUsername(), settings.getPasswordEnv() == null ? null
                        : Secret.fromEnvironment(settings.getPasswordEnv())));
    }

    private static int positive(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(threads + " is not a number of threads: use 1 or more");
        }
        return threads;
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
