/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.support.Redaction;
import dev.planb.spi.support.UriParameters;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the URI form of an FTP destination, as the command line and properties give it:
 * <pre>
 * ftp://USER@HOST[:PORT]/ABSOLUTE/DIR[?writeOnly=true]
 * ftps://USER@HOST[:PORT]/ABSOLUTE/DIR[?certificate=PEMFILE][&amp;implicit=true][&amp;writeOnly=true]
 * </pre>
 * The password never goes in the URI: it comes from the environment variable
 * {@code PLANB_FTP_PASSWORD} (or the one named by {@code passwordEnv=VAR}), or from the first
 * line of a file ({@code passwordFile=FILE}, mode 0600).
 */
public final class FtpUri {

    /** The environment variable read for the password by default. */
    public static final String PASSWORD_VARIABLE = "PLANB_FTP_PASSWORD";

    private static final List<String> PARAMETERS = List.of("passwordEnv", "passwordFile", "certificate", "implicit",
            "writeOnly");

    private FtpUri() {
    }

    /**
     * The destination an {@code ftp://} or {@code ftps://} URI names, with the password read from the process environment.
     *
     * @param uri an {@code ftp://} or {@code ftps://} URI as shown above
     * @return the destination, not connected yet
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming what is wrong: not such a
     *     URI, an unknown parameter, a password in the URI, no password in the environment or an unreadable
     *     password file, or a setting {@link FtpDestination.Builder#build()} refuses
     */
    public static FtpDestination parse(String uri) {
        return builder(uri, System::getenv).build();
    }

    /** Like {@link #parse(String)}, reading environment variables through {@code environment}. */
    static FtpDestination.Builder builder(String uri, UnaryOperator<String> environment) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid(uri, "is not a valid URI (" + e.getReason() + ")");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("ftp", "ftps").contains(scheme) || parsed.getHost() == null) {
            throw invalid(uri, "is not of the form ftp://USER@HOST[:PORT]/DIR or ftps://USER@HOST[:PORT]/DIR");
        }
        String userInfo = parsed.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw invalid(uri, "holds a password: never put one in the URI; set " + PASSWORD_VARIABLE
                    + " or give passwordFile=FILE instead");
        }
        if (userInfo == null || userInfo.isEmpty()) {
            throw invalid(uri, "names no user: write " + scheme + "://USER@" + parsed.getHost() + "/DIR");
        }
        String directory = parsed.getPath() == null || parsed.getPath().isEmpty() ? "/" : parsed.getPath();
        UriParameters query = UriParameters.parse(parsed.getRawQuery(), PARAMETERS, problem -> invalid(uri, problem));
        boolean implicit = query.flag("implicit");
        if (implicit && scheme.equals("ftp")) {
            throw invalid(uri, "asks for implicit TLS on plain ftp://: write ftps://…?implicit=true");
        }
        FtpDestination.Builder builder = FtpDestination.builder().host(parsed.getHost()).user(userInfo)
                .directory(directory).writeOnly(query.flag("writeOnly"))
                .security(scheme.equals("ftp") ? FtpSecurity.PLAIN
                        : implicit ? FtpSecurity.IMPLICIT_TLS : FtpSecurity.EXPLICIT_TLS);
        if (parsed.getPort() != -1) {
            builder.port(parsed.getPort());
        }
        query.value("certificate").map(Path::of).ifPresent(builder::certificate);
        password(uri, query, environment).ifPresent(builder::password);
        return builder;
    }

    private static Optional<Secret> password(String uri, UriParameters query, UnaryOperator<String> environment) {
        if (query.has("passwordFile")) {
            if (query.has("passwordEnv")) {
                throw invalid(uri, "gives both passwordEnv and passwordFile: give one");
            }
            Path file = Path.of(query.value("passwordFile").orElseThrow());
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                return Optional.of(Secret.of(content.lines().findFirst().orElse("")));
            } catch (IOException e) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "FTP password file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + "): give a file this user can read, holding the password", e);
            }
        }
        String named = query.value("passwordEnv").orElse(null);
        String variable = named != null ? named : PASSWORD_VARIABLE;
        String value = environment.apply(variable);
        if (value == null && named != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Environment variable " + variable
                    + " is not set: export it with the FTP password, then run again");
        }
        return Optional.ofNullable(value).map(Secret::of);
    }

    private static PlanBException invalid(String uri, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "FTP destination '" + Redaction.url(uri) + "' " + problem);
    }
}
