/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.spi.Destination;
import java.util.function.Function;

/**
 * A {@link DestinationResolver} made of a scheme and a parser, such as a storage module's URI class.
 *
 * @param scheme the URI scheme, without the colon
 * @param parser makes the destination from the whole URI
 */
record SchemeResolver(String scheme, Function<String, Destination> parser) implements DestinationResolver {

    @Override
    public Destination resolve(String uri) {
        return parser.apply(uri);
    }
}
