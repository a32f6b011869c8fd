/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.UriParameters;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the URI form of an rclone destination, as the command line and properties give it:
 * <pre>
 * rclone://REMOTE:PATH[?config=FILE][&amp;writeOnly=true][&amp;rclone=/path/to/rclone]
 * </pre>
 * {@code REMOTE} is a remote's name in rclone's config file (found as rclone finds it,
 * {@code RCLONE_CONFIG} included, unless {@code config=FILE} names it); {@code PATH} is the folder
 * on it, as rclone writes it after the colon. The remote's secrets stay in that file.
 */
public final class RcloneUri {

    private static final String SCHEME = "rclone://";
    private static final List<String> PARAMETERS = List.of("config", "writeOnly", "rclone");

    private RcloneUri() {
    }

    /**
     * The destination an {@code rclone://} URI names.
     *
     * @param uri an {@code rclone://REMOTE:PATH} URI as shown above
     * @return the destination; rclone is not run yet
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming what is wrong: not such a URI,
     *     no remote, an unknown parameter, or a setting {@link RcloneDestination.Builder#build()} refuses
     */
    public static RcloneDestination parse(String uri) {
        return builder(uri).build();
    }

    /**
     * Reads a URI into a builder, to adjust (e.g. with {@link RcloneDestination.Builder#config(Path)})
     * before {@code build()} checks it.
     *
     * @param uri an {@code rclone://REMOTE:PATH} URI as shown above
     * @return the builder the URI fills in
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when it is not such a URI, names no
     *     remote or has an unknown parameter
     */
    public static RcloneDestination.Builder builder(String uri) {
        if (!uri.startsWith(SCHEME)) {
            throw invalid(uri, "is not of the form rclone://REMOTE:PATH");
        }
        String rest = uri.substring(SCHEME.length());
        int question = rest.indexOf('?');
        String location = question < 0 ? rest : rest.substring(0, question);
        int colon = location.indexOf(':');
        if (colon <= 0) {
            throw invalid(uri, "names no remote: write rclone://REMOTE:PATH with a remote from 'rclone listremotes'");
        }
        RcloneDestination.Builder builder = RcloneDestination.builder().remote(location.substring(0, colon))
                .path(location.substring(colon + 1));
        UriParameters query = UriParameters.parse(question < 0 ? null : rest.substring(question + 1), PARAMETERS,
                problem -> invalid(uri, problem));
        query.value("config").map(Path::of).ifPresent(builder::config);
        query.value("rclone").ifPresent(builder::binary);
        builder.writeOnly(query.flag("writeOnly"));
        return builder;
    }

    private static PlanBException invalid(String uri, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "rclone destination '" + uri + "' " + problem);
    }
}
