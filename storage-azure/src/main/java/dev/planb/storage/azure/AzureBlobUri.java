/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import com.azure.storage.blob.models.AccessTier;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.support.Redaction;
import dev.planb.spi.support.UriParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads the URI form of an Azure Blob destination, as the command line and properties give it:
 * <pre>
 * azblob://ACCOUNT/CONTAINER[/PREFIX][?endpoint=URL][&amp;tier=hot|cool|cold|archive]
 *     [&amp;immutableDays=N[&amp;immutabilityLocked=true]][&amp;legalHold=true][&amp;writeOnly=true]
 *     [&amp;sasEnv=VAR | &amp;sasFile=FILE]
 * </pre>
 * Credentials never go in the URI. They are, in this order: a SAS token from {@code sasFile}, from
 * the variable {@code sasEnv} names, or from {@code AZURE_STORAGE_SAS_TOKEN}; a connection string
 * from {@code AZURE_STORAGE_CONNECTION_STRING} (the variable Azure's own tools read); otherwise the
 * SDK's default chain (environment service principal, managed identity, Azure CLI login).
 */
public final class AzureBlobUri {

    /** The environment variable read for a connection string. */
    public static final String CONNECTION_STRING_VARIABLE = "AZURE_STORAGE_CONNECTION_STRING";
    /** The environment variable read for a SAS token. */
    public static final String SAS_VARIABLE = "AZURE_STORAGE_SAS_TOKEN";

    private static final String SCHEME = "azblob://";
    private static final List<String> PARAMETERS = List.of("endpoint", "tier", "immutableDays", "immutabilityLocked",
            "legalHold", "writeOnly", "sasEnv", "sasFile");

    private AzureBlobUri() {
    }

    /**
     * The destination an {@code azblob://} URI names, with credentials from the process environment.
     *
     * @param uri an {@code azblob://ACCOUNT/CONTAINER[/PREFIX]} URI as shown above
     * @return the destination, not connected yet
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming what is wrong: not such a URI,
     *     credentials or a SAS signature in it, an unknown parameter or value, an unset named variable or
     *     unreadable SAS file, or a setting {@link AzureBlobDestination.Builder#build()} refuses
     */
    public static AzureBlobDestination parse(String uri) {
        return builder(uri, System::getenv).build();
    }

    /** Like {@link #parse(String)}, reading environment variables through {@code environment}. */
    static AzureBlobDestination.Builder builder(String uri, UnaryOperator<String> environment) {
        if (!uri.startsWith(SCHEME)) {
            throw invalid(uri, "is not of the form azblob://ACCOUNT/CONTAINER[/PREFIX]");
        }
        String rest = uri.substring(SCHEME.length());
        int question = rest.indexOf('?');
        String location = question < 0 ? rest : rest.substring(0, question);
        if (location.contains("@") || location.contains(":")) {
            throw invalid(uri, "holds credentials or a port: give the account name only, credentials in the "
                    + "environment and the endpoint as endpoint=URL");
        }
        String[] parts = location.split("/", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw invalid(uri, "names no container: write azblob://ACCOUNT/CONTAINER[/PREFIX]");
        }
        String rawQuery = question < 0 ? null : rest.substring(question + 1);
        if (UriParameters.names(rawQuery).stream().anyMatch(name -> name.equals("sig") || name.equals("sv"))) {
            throw invalid(uri, "holds a SAS token: never put one in the URI; set " + SAS_VARIABLE
                    + " or give sasFile=FILE instead");
        }
        UriParameters query = UriParameters.parse(rawQuery, PARAMETERS, problem -> invalid(uri, problem));
        AzureBlobDestination.Builder builder = AzureBlobDestination.builder().account(parts[0]).container(parts[1])
                .prefix(parts.length == 3 ? parts[2] : "").writeOnly(query.flag("writeOnly"));
        query.value("endpoint").ifPresent(builder::endpoint);
        query.value("tier").map(value -> tier(uri, value)).ifPresent(builder::tier);
        boolean locked = query.flag("immutabilityLocked");
        boolean legalHold = query.flag("legalHold");
        Duration retention = query.number("immutableDays", 1, "days").map(Duration::ofDays).orElse(null);
        if (retention != null || locked || legalHold) {
            builder.immutability(new Immutability(retention, locked, legalHold));
        }
        builder.credentials(credentials(uri, query, environment));
        return builder;
    }

    private static AzureCredentials credentials(String uri, UriParameters query, UnaryOperator<String> environment) {
        if (query.has("sasFile")) {
            if (query.has("sasEnv")) {
                throw invalid(uri, "gives both sasEnv and sasFile: give one");
            }
            Path file = Path.of(query.value("sasFile").orElseThrow());
            try {
                String token = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                return AzureCredentials.sasToken(Secret.of(token), "the SAS token in " + file);
            } catch (IOException e) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Azure SAS token file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + "): give a file this user can read, holding the token", e);
            }
        }
        String named = query.value("sasEnv").orElse(null);
        if (named != null) {
            String token = environment.apply(named);
            if (token == null) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Environment variable " + named
                        + " is not set: export it with the SAS token, then run again");
            }
            return AzureCredentials.sasToken(Secret.of(token), "the SAS token in " + named);
        }
        String token = environment.apply(SAS_VARIABLE);
        if (token != null && !token.isBlank()) {
            return AzureCredentials.sasToken(Secret.of(token), "the SAS token in " + SAS_VARIABLE);
        }
        String connectionString = environment.apply(CONNECTION_STRING_VARIABLE);
        if (connectionString != null && !connectionString.isBlank()) {
            return AzureCredentials.connectionString(Secret.of(connectionString), "the connection string in "
                    + CONNECTION_STRING_VARIABLE);
        }
        return AzureCredentials.defaultChain();
    }

    private static AccessTier tier(String uri, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hot" -> AccessTier.HOT;
            case "cool" -> AccessTier.COOL;
            case "cold" -> AccessTier.COLD;
            case "archive" -> AccessTier.ARCHIVE;
            default -> throw invalid(uri, "has tier=" + value + ": give hot, cool, cold or archive");
        };
    }

    private static PlanBException invalid(String uri, String problem) {
        String shown = Redaction.url(uri).replaceAll("(?i)(sig=)[^&]*", "$1******");
        return new PlanBException(ErrorCode.INVALID_SETTING, "Azure Blob destination '" + shown + "' " + problem);
    }
}
