/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.spi.Destination;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes a {@link Destination} from a URI of one scheme ({@code sftp}, {@code s3}). Core knows folders
 * and {@code file:} URIs; a front end passes one resolver per storage module it has to
 * {@link PlanFactory.Builder#destinationResolver}.
 *
 * <pre>{@code
 * PlanFactory.builder().destinationResolver(DestinationUriResolver.of("s3", uri -> S3DestinationUri.parse(uri).build()))
 * }</pre>
 */
public interface DestinationUriResolver {

    /** {@return the URI scheme handled, without the colon, e.g. {@code s3}} */
    String scheme();

    /**
     * Makes the destination {@code uri} names.
     *
     * @param uri the whole URI, scheme included
     * @return the destination
     * @throws RuntimeException when the URI is bad, with a message saying what to fix (named with its setting by
     *     the caller)
     */
    Destination resolve(String uri);

    /**
     * Makes a resolver of {@code scheme} from a parser, such as a storage module's URI class.
     *
     * @param scheme the URI scheme handled, without the colon
     * @param parser makes the destination a whole URI names
     * @return the resolver
     */
    static DestinationUriResolver of(String scheme, Function<String, Destination> parser) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(parser, "parser");
        return new DestinationUriResolver() {
            @Override
            public String scheme() {
                return scheme;
            }

            @Override
            public Destination resolve(String uri) {
                return parser.apply(uri);
            }
        };
    }
}
