package dev.planb.spring.autoconfigure;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.config.InvalidSettingException;
import dev.planb.config.PlanSettings;
import dev.planb.config.SecretRef;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The application's own database as PlanB reaches it, found the way Boot's Flyway and Liquibase
 * auto-configurations find it, never from the driver's metadata strings (mysql-connector-j reports the
 * user as {@code user@host}, mariadb-java-client masks the password inside its URL): Boot's
 * {@link JdbcConnectionDetails} ({@code spring.datasource.*}, Docker Compose and Testcontainers service
 * connections) when Boot made the {@link DataSource}; else the DataSource's own URL, user and password
 * properties (a Hikari or driver DataSource the application made); else {@code spring.datasource.*}.
 * {@code planb.database.username} and {@code planb.database.password} (or {@code -env}, {@code -file})
 * override the user and password.
 */
final class ApplicationDatabase {

    private static final String KEY = "planb.database";

    private ApplicationDatabase() {
    }

    /**
     * @param overrides {@code planb.database.*}
     * @param details Boot's connection details, or null when Boot did not make the DataSource
     * @param dataSource the application's DataSource
     * @param properties {@code spring.datasource.*}, or null without Boot's DataSource auto-configuration
     */
    static DatabaseSource of(PlanSettings.DatabaseSettings overrides, JdbcConnectionDetails details,
            DataSource dataSource, DataSourceProperties properties) {
        Connection app = details != null
                ? new Connection(details.getJdbcUrl(), details.getUsername(), details.getPassword())
                : Connection.of(dataSource).or(() -> Connection.of(properties)).orElseThrow(() ->
                        new InvalidPlanBPropertyException(KEY + ".url", "PlanB cannot tell the URL of the application's"
                                + " DataSource (" + dataSource.getClass().getName() + "): set planb.database.url,"
                                + " planb.database.username and planb.database.password"));
        String user = overrides.getUsername() != null ? overrides.getUsername() : app.user();
        Secret password = password(overrides).orElse(app.password() == null ? null : Secret.of(app.password()));
        if ((user == null || user.isEmpty()) && password == null) {
            return DatabaseSource.of(app.url());
        }
        return DatabaseSource.of(app.url(), user, password);
    }

    private static Optional<Secret> password(PlanSettings.DatabaseSettings overrides) {
        try {
            return SecretRef.of(KEY + ".password", overrides.getPassword(), overrides.getPasswordEnv(),
                    overrides.getPasswordFile()).map(SecretRef::resolve);
        } catch (InvalidSettingException e) {
            throw new InvalidPlanBPropertyException(e.setting(), e.problem());
        } catch (IllegalArgumentException e) {
            throw new InvalidPlanBPropertyException(KEY + ".password", e.getMessage());
        }
    }

    /** A URL with the user and password to connect as. */
    private record Connection(String url, String user, String password) {

        /** From the DataSource's JavaBean properties ({@code url} or {@code jdbcUrl}, {@code username} or {@code user}, {@code password}). */
        static Optional<Connection> of(DataSource dataSource) {
            BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
            return read(bean, "jdbcUrl", "url", "URL").map(url -> new Connection(url,
                    read(bean, "username", "user").orElse(null), read(bean, "password").orElse(null)));
        }

        /** From {@code spring.datasource.*}, when its URL is set. */
        static Optional<Connection> of(DataSourceProperties properties) {
            if (properties == null || properties.getUrl() == null) {
                return Optional.empty();
            }
            return Optional.of(new Connection(properties.determineUrl(), properties.determineUsername(),
                    properties.determinePassword()));
        }

        private static Optional<String> read(BeanWrapper bean, String... names) {
            return Stream.of(names).filter(bean::isReadableProperty)
                    .map(name -> bean.getPropertyValue(name))
                    .filter(String.class::isInstance).map(String.class::cast)
                    .filter(value -> !value.isEmpty()).findFirst();
        }
    }
}
