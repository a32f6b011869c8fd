/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.spi.Destination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.support.Redaction;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns destination URIs into destinations: folders and {@code file:} URIs here, other schemes through
 * the {@link DestinationUriResolver}s given.
 */
public final class DestinationUris {

    /** Storage modules by scheme, and the artifact that adds each. */
    private static final Map<String, String> MODULES = Map.of("sftp", "dev.planb:planb-storage-sftp",
            "s3", "dev.planb:planb-storage-s3", "ftp", "dev.planb:planb-storage-ftp", "ftps", "dev.planb:planb-storage-ftp",
            "rclone", "dev.planb:planb-storage-rclone", "azblob", "dev.planb:planb-storage-azure");

    private final Map<String, DestinationUriResolver> resolvers = new LinkedHashMap<>();

    private DestinationUris(List<? extends DestinationUriResolver> resolvers) {
        resolvers.forEach(resolver -> this.resolvers.putIfAbsent(resolver.scheme(), resolver));
    }

    /**
     * Resolves folders, {@code file:} URIs and the schemes of {@code resolvers} (the first of a scheme wins).
     *
     * @param resolvers the resolvers of the other schemes, e.g. those of the storage modules
     * @return the resolver of every destination setting
     */
    public static DestinationUris with(List<? extends DestinationUriResolver> resolvers) {
        return new DestinationUris(resolvers);
    }

    /**
     * Makes the destination {@code uri} names: a local directory for a folder or {@code file:} URI, else
     * the destination the resolver of its scheme makes.
     *
     * @param setting the setting's full key, named in errors
     * @param uri a folder or a URI
     * @return the destination
     * @throws InvalidSettingException naming the setting, when the URI is empty, bad, or needs a module
     *     that is not on the classpath
     */
    public Destination resolve(String setting, String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidSettingException(setting, "not set: give a folder, file:./backups, sftp://… or s3://…");
        }
        int colon = uri.indexOf(':');
        String scheme = colon > 1 ? uri.substring(0, colon) : "";
        if (scheme.isEmpty()) {
            return new LocalDirectoryDestination(Path.of(uri));
        }
        if (scheme.equals("file")) {
            return Settings.converting(setting, () -> new LocalDirectoryDestination(
                    uri.startsWith("file://") ? Path.of(URI.create(uri)) : Path.of(uri.substring("file:".length()))));
        }
        DestinationUriResolver resolver = resolvers.get(scheme);
        if (resolver != null) {
            return Settings.converting(setting, () -> resolver.resolve(uri));
        }
        String module = MODULES.get(scheme);
        throw new InvalidSettingException(setting, module != null
                ? scheme + ":// destinations need " + module + " on the classpath: add that dependency"
                : "'" + Redaction.url(uri) + "' has an unknown scheme '" + scheme
                        + "': use a folder, file:./backups, sftp://user@host/dir, s3://bucket/prefix, ftp(s)://user@host/dir, "
                        + "rclone://remote:path or azblob://account/container/prefix");
    }
}
