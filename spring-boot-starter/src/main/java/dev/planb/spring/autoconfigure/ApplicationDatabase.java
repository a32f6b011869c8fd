package dev.planb.spring.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import dev.planb.DatabaseSource;
import dev.planb.Secret;

/**
 * The application's own database as PlanB reaches it: the URL and user the {@link DataSource}
 * really connects with (its connection metadata), the password from {@code spring.datasource.*}.
 */
final class ApplicationDatabase {

    private ApplicationDatabase() {
    }

    /**
     * @param properties {@code spring.datasource.*}, or null when the application made its own
     *     {@code DataSource} (then only password-less connections are backed up)
     */
    static DatabaseSource of(DataSource dataSource, DataSourceProperties properties) {
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            url = metadata.getURL();
            user = metadata.getUserName();
        } catch (SQLException e) {
            throw new InvalidPlanBPropertyException("spring.datasource.url",
                    "PlanB cannot connect to the application's DataSource to learn its URL: " + e.getMessage());
        }
        String password = properties == null ? null : properties.determinePassword();
        if (user == null || user.isEmpty()) {
            return DatabaseSource.of(url);
        }
        return DatabaseSource.of(url, user, password == null ? null : Secret.of(password));
    }
}
