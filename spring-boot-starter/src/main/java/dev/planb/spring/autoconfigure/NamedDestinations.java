/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.config.PlanSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.Environment;

/**
 * Destinations given by name ({@code planb.destinations.offsite.uri=…}) beside the list form
 * ({@code planb.destinations[0].uri=…}). Spring replaces a whole list when a later property source
 * (a command-line argument, an environment variable) sets one element's key, but merges maps key by
 * key: a named destination's single setting can be overridden alone
 * ({@code --planb.destinations.offsite.retention.keep-last=3}). Named destinations follow the listed ones.
 */
final class NamedDestinations {

    private static final Pattern INDEX = Pattern.compile("\\[?\\d+]?");

    private final Binder binder;
    private final Map<String, String> names = new LinkedHashMap<>();

    NamedDestinations(Environment environment) {
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(new DurationTextConverter());
        this.binder = new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment), conversion);
    }

    /**
     * Appends the named destinations under {@code keyPrefix.destinations} to {@code plan}'s list.
     *
     * @param keyPrefix the plan's key, e.g. {@code planb} or {@code planb.plans.reports}
     */
    void addTo(String keyPrefix, PlanSettings plan) {
        String key = keyPrefix + ".destinations";
        binder.bind(key, Bindable.mapOf(String.class, PlanSettings.DestinationSettings.class))
                .orElseGet(Map::of).forEach((name, destination) -> {
                    if (!INDEX.matcher(name).matches()) {
                        names.put(key + "[" + plan.getDestinations().size() + "]", key + "." + name);
                        plan.getDestinations().add(destination);
                    }
                });
    }

    /** {@code setting} as the user wrote it: {@code planb.destinations.offsite.uri} rather than its place in the list. */
    String asWritten(String setting) {
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (setting.equals(name.getKey()) || setting.startsWith(name.getKey() + ".")) {
                return name.getValue() + setting.substring(name.getKey().length());
            }
        }
        return setting;
    }
}
