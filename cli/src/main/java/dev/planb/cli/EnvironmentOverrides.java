/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.config.PlanBSettings;
import dev.planb.spi.support.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code PLANB_*} environment variables over a configuration file's values, as Flyway's {@code FLYWAY_*}:
 * the key in upper case with {@code _} for {@code .} and {@code -}, list positions as numbers —
 * {@code PLANB_PLANS_APP_SCHEDULE=1h}, {@code PLANB_PLANS_APP_DESTINATIONS_0_RETENTION_KEEP_LAST=7},
 * {@code PLANB_THREADS=4}, {@code PLANB_SHUTDOWN_GRACE=30s}. Only variables under {@code PLANB_PLANS_},
 * {@code PLANB_PULLS_}, {@code PLANB_THREADS} and {@code PLANB_SHUTDOWN_GRACE} are read; one that names no setting, or a plan the file does not have, is an error.
 */
final class EnvironmentOverrides {

    private static final List<String> ROOTS = List.of("PLANB_PLANS_", "PLANB_PULLS_", "PLANB_THREADS",
            "PLANB_SHUTDOWN_GRACE");

    private final ObjectMapper mapper;
    private final String variable;

    private EnvironmentOverrides(ObjectMapper mapper, String variable) {
        this.mapper = mapper;
        this.variable = variable;
    }

    /**
     * Applies every override in {@code environment} to {@code settings}.
     *
     * @throws PlanBException naming the variable that names no setting or holds a bad value
     */
    static void apply(PlanBSettings settings, Map<String, String> environment, ObjectMapper mapper) {
        new TreeMap<>(environment).forEach((name, value) -> {
            if (ROOTS.stream().anyMatch(root -> name.equals(root) || name.startsWith(root) && root.endsWith("_"))) {
                List<String> words = Arrays.asList(name.substring("PLANB_".length()).toLowerCase(Locale.ROOT).split("_"));
                new EnvironmentOverrides(mapper, name).set(settings, words, value, "");
            }
        });
    }

    private void set(Object bean, List<String> words, String value, String at) {
        JavaType type = mapper.constructType(bean.getClass());
        List<BeanPropertyDefinition> properties = mapper.getDeserializationConfig().introspect(type).findProperties();
        BeanPropertyDefinition match = null;
        int length = 0;
        for (BeanPropertyDefinition property : properties) {
            List<String> name = Arrays.asList(property.getName().split("-"));
            if (name.size() > length && name.size() <= words.size() && words.subList(0, name.size()).equals(name)) {
                match = property;
                length = name.size();
            }
        }
        if (match == null) {
            throw invalid("names no setting" + (at.isEmpty() ? "" : " under " + at) + ": the settings there are "
                    + String.join(", ", properties.stream().map(BeanPropertyDefinition::getName).toList()));
        }
        String key = (at.isEmpty() ? "" : at + ".") + match.getName();
        List<String> rest = words.subList(length, words.size());
        Object child = match.getGetter() == null ? null : match.getGetter().getValue(bean);
        if (rest.isEmpty()) {
            try {
                mapper.updateValue(bean, Map.of(match.getName(), child instanceof List<?> ? List.of(value.split(","))
                        : value));
            } catch (Exception e) {
                throw invalid("'" + value + "' is not a valid " + key + " (" + Messages.firstLine(e) + ")");
            }
        } else if (child instanceof Map<?, ?> map) {
            entry(map, rest, value, key);
        } else if (child instanceof List<?> list) {
            element(list, rest, value, key);
        } else if (child != null && !isScalar(child)) {
            set(child, rest, value, key);
        } else {
            throw invalid("names no setting: " + key + " has no " + String.join("-", rest));
        }
    }

    private void entry(Map<?, ?> map, List<String> words, String value, String at) {
        for (int length = words.size() - 1; length >= 1; length--) {
            String name = String.join("_", words.subList(0, length));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (String.valueOf(entry.getKey()).replace('-', '_').equalsIgnoreCase(name)) {
                    set(entry.getValue(), words.subList(length, words.size()), value, at + "." + entry.getKey());
                    return;
                }
            }
        }
        throw invalid("names none of the " + at + " in the file: " + String.join(", ", map.keySet().stream()
                .map(String::valueOf).toList()));
    }

    private void element(List<?> list, List<String> words, String value, String at) {
        int index;
        try {
            index = Integer.parseInt(words.get(0));
        } catch (NumberFormatException e) {
            throw invalid("needs a position in " + at + " after it, e.g. _0_");
        }
        if (index >= list.size() || words.size() < 2) {
            throw invalid(at + " has " + list.size() + " entries in the file: give the position of one of them");
        }
        set(list.get(index), words.subList(1, words.size()), value, at + "[" + index + "]");
    }

    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof java.time.Duration || value instanceof java.nio.file.Path;
    }

    private PlanBException invalid(String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "Environment variable " + variable + " " + problem);
    }
}
