package dev.planb.spring.autoconfigure;

import dev.planb.spi.Destination;

/**
 * Makes a {@link Destination} from a URI of one scheme ({@code sftp}, {@code s3}); the starter
 * registers one per storage module found on the classpath. Folders and {@code file:} URIs need none.
 */
public interface DestinationResolver {

    /** The URI scheme handled, without the colon, e.g. {@code s3}. */
    String scheme();

    /** The destination {@code uri} names; a bad URI throws with a message saying what to fix. */
    Destination resolve(String uri);
}
