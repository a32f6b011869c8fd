/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@link BootDataSourceLogins} read from Boot's {@code JdbcConnectionDetails} and {@code DataSourceProperties} beans,
 * each when there is exactly one: what all Boot generations share. Each generation's auto-configuration
 * ({@code Boot3DataSourceLogins}, {@code Boot4DataSourceLogins}) gives only its own types' getters.
 *
 * @param <D> the generation's {@code JdbcConnectionDetails}
 * @param <P> the generation's {@code DataSourceProperties}
 */
final class ProvidedDataSourceLogins<D, P> implements BootDataSourceLogins {

    private final ObjectProvider<D> details;
    private final Function<D, JdbcLogin> detailsLogin;
    private final ObjectProvider<P> properties;
    private final Predicate<P> urlSet;
    private final Function<P, JdbcLogin> propertiesLogin;

    /**
     * @param detailsLogin the login in the connection details
     * @param urlSet whether the properties set {@code spring.datasource.url}
     * @param propertiesLogin the login the properties determine
     */
    ProvidedDataSourceLogins(ObjectProvider<D> details, Function<D, JdbcLogin> detailsLogin,
            ObjectProvider<P> properties, Predicate<P> urlSet, Function<P, JdbcLogin> propertiesLogin) {
        this.details = details;
        this.detailsLogin = detailsLogin;
        this.properties = properties;
        this.urlSet = urlSet;
        this.propertiesLogin = propertiesLogin;
    }

    @Override
    public Optional<JdbcLogin> connectionDetails() {
        return Optional.ofNullable(details.getIfUnique()).map(detailsLogin);
    }

    @Override
    public Optional<JdbcLogin> properties() {
        return Optional.ofNullable(properties.getIfUnique()).filter(urlSet).map(propertiesLogin);
    }
}
