/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.support.Redaction;
import dev.planb.spi.support.UriParameters;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads the URI form of an SFTP destination, as the command line and properties give it:
 * <pre>
 * sftp://USER@HOST[:PORT]/ABSOLUTE/DIR[?identity=KEYFILE][&amp;knownHosts=FILE | &amp;hostKey=SHA256:… | &amp;hostKeyChecking=off]
 * sftp://USER@HOST[:PORT]/~/DIR/RELATIVE/TO/HOME
 * </pre>
 * Secrets never go in the URI: the password comes from the environment variable
 * {@code PLANB_SFTP_PASSWORD} (or the one named by {@code passwordEnv=VAR}), a key's passphrase
 * from {@code PLANB_SFTP_PASSPHRASE} (or {@code passphraseEnv=VAR}). Without {@code identity} and
 * password, the first of {@code ~/.ssh/id_ed25519}, {@code id_ecdsa} and {@code id_rsa} is used.
 */
public final class SftpUri {

    /** The environment variable read for the password by default. */
    public static final String PASSWORD_VARIABLE = "PLANB_SFTP_PASSWORD";
    /** The environment variable read for a private key's passphrase by default. */
    public static final String PASSPHRASE_VARIABLE = "PLANB_SFTP_PASSPHRASE";

    private static final List<String> PARAMETERS = List.of("identity", "knownHosts", "hostKey", "hostKeyChecking",
            "passwordEnv", "passphraseEnv");
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private SftpUri() {
    }

    /**
     * The destination an {@code sftp://} URI names, with secrets read from the process environment.
     *
     * @param uri an {@code sftp://} URI as shown above
     * @return the destination, not connected yet
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming what is wrong: not an
     *     {@code sftp://USER@HOST/DIR} URI, an unknown parameter, a password in the URI, a named
     *     environment variable that is not set, or a setting {@link SftpDestination.Builder#build()} refuses
     */
    public static SftpDestination parse(String uri) {
        return builder(uri, System::getenv).build();
    }

    /** Like {@link #parse(String)}, reading environment variables through {@code environment}. */
    static SftpDestination.Builder builder(String uri, UnaryOperator<String> environment) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid(uri, "is not a valid URI (" + e.getReason() + ")");
        }
        if (!"sftp".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
            throw invalid(uri, "is not of the form sftp://USER@HOST[:PORT]/DIR");
        }
        String userInfo = parsed.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw invalid(uri, "holds a password: never put one in the URI; set " + PASSWORD_VARIABLE + " instead");
        }
        if (userInfo == null || userInfo.isEmpty()) {
            throw invalid(uri, "names no user: write sftp://USER@" + parsed.getHost() + "/DIR");
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        String directory = path.startsWith("/~/") ? path.substring(3) : path;
        if (directory.isEmpty() || directory.equals("/")) {
            throw invalid(uri, "names no folder: write sftp://USER@HOST/ABSOLUTE/DIR or sftp://USER@HOST/~/DIR");
        }
        UriParameters query = UriParameters.parse(parsed.getRawQuery(), PARAMETERS, problem -> invalid(uri, problem));

        SftpDestination.Builder builder = SftpDestination.builder().host(parsed.getHost()).user(userInfo)
                .directory(directory);
        if (parsed.getPort() != -1) {
            builder.port(parsed.getPort());
        }
        query.value("knownHosts").map(Path::of).ifPresent(builder::knownHosts);
        query.value("hostKey").ifPresent(builder::hostKeyFingerprint);
        String checking = query.value("hostKeyChecking").orElse(null);
        if (checking != null) {
            if (!checking.equals("off")) {
                throw invalid(uri, "has hostKeyChecking=" + checking + ": the only value is 'off' (insecure); "
                        + "leave it out to check host keys");
            }
            builder.acceptAnyHostKey();
        }
        Optional<Secret> password = secret(query.value("passwordEnv").orElse(null), PASSWORD_VARIABLE, environment);
        password.ifPresent(builder::password);
        secret(query.value("passphraseEnv").orElse(null), PASSPHRASE_VARIABLE, environment).ifPresent(builder::passphrase);
        String identity = query.value("identity").orElse(null);
        if (identity != null) {
            builder.identity(Path.of(identity));
        } else if (password.isEmpty()) {
            defaultIdentity().ifPresent(builder::identity);
        }
        return builder;
    }

    private static Optional<Secret> secret(String namedVariable, String defaultVariable, UnaryOperator<String> environment) {
        String variable = namedVariable != null ? namedVariable : defaultVariable;
        String value = environment.apply(variable);
        if (value == null && namedVariable != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Environment variable " + variable
                    + " is not set: export it with the secret, then run again");
        }
        return Optional.ofNullable(value).map(Secret::of);
    }

    private static Optional<Path> defaultIdentity() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return DEFAULT_KEYS.stream().map(ssh::resolve).filter(Files::isReadable).findFirst();
    }

    private static PlanBException invalid(String uri, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "SFTP destination '" + Redaction.url(uri) + "' " + problem);
    }
}
