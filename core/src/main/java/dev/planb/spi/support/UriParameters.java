/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code ?name=value&…} settings of a destination URI: only known names, each with a value, decoded. Every
 * problem becomes the exception {@code invalid} makes of a phrase that completes "URI '…' …", so a destination's
 * messages keep naming it and its (redacted) URI.
 *
 * <pre>{@code
 * UriParameters query = UriParameters.parse(rawQuery, List.of("writeOnly", "certificate"),
 *         problem -> new PlanBException(ErrorCode.INVALID_SETTING, "FTP destination '" + shown + "' " + problem));
 * boolean writeOnly = query.flag("writeOnly");
 * query.value("certificate").map(Path::of).ifPresent(builder::certificate);
 * }</pre>
 */
public final class UriParameters {

    private final Map<String, String> values;
    private final Function<String, ? extends RuntimeException> invalid;

    private UriParameters(Map<String, String> values, Function<String, ? extends RuntimeException> invalid) {
        this.values = values;
        this.invalid = invalid;
    }

    /**
     * Reads a raw (still encoded) query.
     *
     * @param rawQuery the part after {@code ?}, or {@code null}/empty for none
     * @param known the names a URI may use, listed in the message about an unknown one
     * @param invalid makes the exception for a problem phrase such as {@code has an unknown parameter 'x': use …}
     * @return the decoded parameters
     * @throws RuntimeException the one {@code invalid} makes, for an unknown parameter or one without a value
     */
    public static UriParameters parse(String rawQuery, List<String> known,
            Function<String, ? extends RuntimeException> invalid) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (!known.contains(name)) {
                    throw invalid.apply("has an unknown parameter '" + name + "': use " + String.join(", ", known));
                }
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (value.isBlank()) {
                    throw invalid.apply("gives no value for '" + name + "'");
                }
                values.put(name, value);
            }
        }
        return new UriParameters(values, invalid);
    }

    /**
     * Lists a raw query's parameter names, known or not, e.g. to refuse a secret before anything else.
     *
     * @param rawQuery the part after {@code ?}, or {@code null}/empty for none
     * @return the names, still encoded, in query order
     */
    public static List<String> names(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return List.of(rawQuery.split("&")).stream().map(pair -> pair.contains("=") ? pair.substring(0,
                pair.indexOf('=')) : pair).toList();
    }

    /**
     * Tells whether the URI gives a parameter.
     *
     * @param name the parameter's name
     * @return whether it is given
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * Reads a parameter.
     *
     * @param name the parameter's name
     * @return its decoded value, or empty when not given
     */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * Reads a {@code true}/{@code false} parameter.
     *
     * @param name the parameter's name
     * @return its value; {@code false} when not given
     * @throws RuntimeException the one the parser's {@code invalid} makes, when the value is neither
     */
    public boolean flag(String name) {
        String value = values.get(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid.apply("has " + name + "=" + value + ": give true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * Reads a whole-number parameter.
     *
     * @param name the parameter's name
     * @param minimum the smallest value accepted
     * @param unit what the number counts, e.g. "days", named in the message when it is invalid
     * @return its value, or empty when not given
     * @throws RuntimeException the one the parser's {@code invalid} makes, when it is not a whole number of at
     *     least {@code minimum}
     */
    public Optional<Integer> number(String name, int minimum, String unit) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= minimum) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid.apply("has " + name + "=" + value + ": give a whole number of " + unit + ", at least " + minimum);
    }

    /** {@return every parameter given, decoded, in URI order, unmodifiable} */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
