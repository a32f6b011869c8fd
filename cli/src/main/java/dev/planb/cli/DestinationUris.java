/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.config.DestinationUriResolver;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.support.Redaction;
import dev.planb.storage.azure.AzureBlobUri;
import dev.planb.storage.ftp.FtpUri;
import dev.planb.storage.rclone.RcloneUri;
import dev.planb.storage.s3.S3DestinationUri;
import dev.planb.storage.sftp.SftpUri;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the command line's destination URIs ({@code DIR}, {@code file:///DIR},
 * {@code sftp://USER@HOST[:PORT]/DIR?identity=KEYFILE&knownHosts=FILE}, {@code s3://bucket/prefix?…},
 * {@code ftp://USER@HOST[:PORT]/DIR}, {@code ftps://…}, {@code rclone://REMOTE:PATH},
 * {@code azblob://ACCOUNT/CONTAINER/PREFIX?…}) into destinations.
 */
final class DestinationUris {

    private DestinationUris() {
    }

    /** The storage modules' URI schemes, for the configuration model. */
    static List<DestinationUriResolver> resolvers() {
        return List.of(DestinationUriResolver.of("sftp", SftpUri::parse),
                DestinationUriResolver.of("s3", uri -> S3DestinationUri.parse(uri).build()),
                DestinationUriResolver.of("ftp", FtpUri::parse),
                DestinationUriResolver.of("ftps", FtpUri::parse),
                DestinationUriResolver.of("rclone", RcloneUri::parse),
                DestinationUriResolver.of("azblob", AzureBlobUri::parse));
    }

    /** A destination to write to; its folder is created when needed. */
    static Destination forWriting(String uri) {
        return parse(uri);
    }

    /**
     * A destination to read from; it must exist, so a mistyped path is an error rather than an
     * empty listing.
     */
    static Destination forReading(String uri) {
        Destination destination = parse(uri);
        if (destination instanceof LocalDirectoryDestination local && !Files.isDirectory(local.root())) {
            throw new PlanBException(ErrorCode.BACKUP_NOT_FOUND, Files.exists(local.root())
                    ? local.root() + " is a file, not a folder: give the folder that holds the backups (--from)"
                    : "Folder " + local.root() + " does not exist: check the --from location");
        }
        return destination;
    }

    private static Destination parse(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon > 1 ? uri.substring(0, colon) : "";
        switch (scheme) {
            case "" -> {
                return new LocalDirectoryDestination(Path.of(uri));
            }
            case "file" -> {
                try {
                    return new LocalDirectoryDestination(Path.of(URI.create(uri)));
                } catch (IllegalArgumentException e) {
                    throw new PlanBException(ErrorCode.INVALID_SETTING, "'" + uri
                            + "' is not a valid file URI: use file:///absolute/path or a plain path", e);
                }
            }
            default -> {
                return resolvers().stream().filter(resolver -> resolver.scheme().equals(scheme)).findFirst()
                        .orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING, "Destination '"
                                + Redaction.url(uri) + "' has an unknown scheme '" + scheme + "': use a folder path, "
                                + "file:///path, sftp://user@host/path, s3://bucket/prefix, ftp://user@host/path, "
                                + "ftps://user@host/path, rclone://remote:path or azblob://account/container/prefix"))
                        .resolve(uri);
            }
        }
    }
}
