package dev.planb.spring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.planb.spi.Destination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.support.Redaction;

/** Turns {@code planb.destinations[i].uri} values into destinations. */
final class Destinations {

    /** Storage modules by scheme, and the artifact that adds each. */
    private static final Map<String, String> MODULES = Map.of("sftp", "dev.planb:planb-storage-sftp",
            "s3", "dev.planb:planb-storage-s3");

    private final Map<String, DestinationResolver> resolvers;

    Destinations(List<DestinationResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toMap(DestinationResolver::scheme, Function.identity()));
    }

    /**
     * @param property the property the URI came from, named in errors
     */
    Destination resolve(String property, String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidPlanBPropertyException(property, "not set: give a folder, file:./backups, sftp://… or s3://…");
        }
        int colon = uri.indexOf(':');
        String scheme = colon > 1 ? uri.substring(0, colon) : "";
        if (scheme.isEmpty()) {
            return new LocalDirectoryDestination(Path.of(uri));
        }
        if (scheme.equals("file")) {
            return InvalidPlanBPropertyException.converting(property, () -> new LocalDirectoryDestination(
                    uri.startsWith("file://") ? Path.of(URI.create(uri)) : Path.of(uri.substring("file:".length()))));
        }
        DestinationResolver resolver = resolvers.get(scheme);
        if (resolver != null) {
            return InvalidPlanBPropertyException.converting(property, () -> resolver.resolve(uri));
        }
        String module = MODULES.get(scheme);
        throw new InvalidPlanBPropertyException(property, module != null
                ? scheme + ":// destinations need " + module + " on the classpath: add that dependency"
                : "'" + Redaction.url(uri) + "' has an unknown scheme '" + scheme
                        + "': use a folder, file:./backups, sftp://user@host/dir or s3://bucket/prefix");
    }
}
