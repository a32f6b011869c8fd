/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.Redaction;
import dev.planb.spi.support.UriParameters;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an {@code s3://} URI, as the command line and properties give it, into an
 * {@link S3Destination.Builder}:
 *
 * <pre>
 * s3://BUCKET[/PREFIX][?region=R][&amp;endpoint=http://host:port][&amp;pathStyle=true][&amp;profile=P]
 *     [&amp;storageClass=STANDARD_IA][&amp;partSize=16MiB][&amp;lockMode=COMPLIANCE&amp;lockDays=30][&amp;legalHold=true]
 *     [&amp;writeOnly=true][&amp;lockRequired=false]
 * </pre>
 *
 * Credentials never go in the URI: they come from the SDK's default chain
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code AWS_PROFILE}…) or
 * {@code profile=}.
 */
public final class S3DestinationUri {

    /** The settings a URI may carry. */
    public static final List<String> PARAMETERS = List.of("region", "endpoint", "pathStyle", "profile", "storageClass",
            "partSize", "lockMode", "lockDays", "legalHold", "writeOnly", "lockRequired");
    private static final List<String> SECRET_NAMES = List.of("secret", "password", "key", "token", "credential");

    private S3DestinationUri() {
    }

    /**
     * Reads a URI into a builder, which can still be adjusted (e.g. with explicit credentials)
     * before {@code build()} checks it.
     *
     * @param uri an {@code s3://} URI as shown above; it may hold only the {@link #PARAMETERS} listed
     * @return the builder the URI describes; call {@code build()} on it
     * @throws PlanBException ({@link ErrorCode#INVALID_SETTING}) naming the (redacted) URI and the bad
     *     part: another scheme, an unknown or repeated parameter, a credential in the URI, a value
     *     that is not a number, size or boolean, or only half of {@code lockMode}/{@code lockDays}
     */
    public static S3Destination.Builder parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw invalid(uri, "does not start with s3://");
        }
        int question = uri.indexOf('?');
        String path = uri.substring("s3://".length(), question < 0 ? uri.length() : question);
        int slash = path.indexOf('/');
        S3Destination.Builder builder = S3Destination.builder()
                .bucket(slash < 0 ? path : path.substring(0, slash))
                .prefix(slash < 0 ? "" : path.substring(slash + 1));
        String rawQuery = question < 0 ? "" : uri.substring(question + 1);
        refuseCredentials(rawQuery);
        Map<String, String> query = UriParameters.parse(rawQuery, PARAMETERS, problem -> invalid(uri, problem)).asMap();
        String lockMode = null;
        String lockDays = null;
        boolean legalHold = false;
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "region" -> builder.region(value);
                case "endpoint" -> builder.endpoint(endpoint(uri, value));
                case "pathStyle" -> builder.pathStyle(bool(uri, "pathStyle", value));
                case "profile" -> builder.profile(value);
                case "storageClass" -> builder.storageClass(value);
                case "partSize" -> builder.partSize(size(uri, value));
                case "lockMode" -> lockMode = value;
                case "lockDays" -> lockDays = value;
                case "legalHold" -> legalHold = bool(uri, "legalHold", value);
                case "writeOnly" -> builder.writeOnly(bool(uri, "writeOnly", value));
                case "lockRequired" -> builder.lockRequired(bool(uri, "lockRequired", value));
                default -> throw new IllegalStateException(parameter.getKey());
            }
        }
        if (lockMode != null || lockDays != null || legalHold) {
            if (lockMode == null || lockDays == null) {
                throw invalid(uri, "needs both lockMode (COMPLIANCE or GOVERNANCE) and lockDays for Object Lock");
            }
            ObjectLock lock = new ObjectLock(ObjectLock.Mode.parse(lockMode, "lockMode"),
                    Duration.ofDays(positive(uri, "lockDays", lockDays)), legalHold);
            builder.objectLock(lock);
        }
        return builder;
    }

    private static void refuseCredentials(String rawQuery) {
        for (String name : UriParameters.names(rawQuery)) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (SECRET_NAMES.stream().anyMatch(lower::contains)) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "S3 destination: credentials do not belong in the"
                        + " URI (parameter '" + name + "'): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or profile=");
            }
        }
    }

    private static URI endpoint(String uri, String value) {
        try {
            return new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw invalid(uri, "has an invalid endpoint '" + value + "': use http(s)://host:port");
        }
    }

    private static boolean bool(String uri, String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw invalid(uri, "has " + name + "=" + value + ": use true or false");
        };
    }

    private static int size(String uri, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        if (text.endsWith("mib") || text.endsWith("mb") || text.endsWith("m")) {
            unit = 1024 * 1024;
            text = text.replaceAll("[a-z]+$", "");
        }
        try {
            long bytes = Long.parseLong(text) * unit;
            if (bytes > Integer.MAX_VALUE - 8) {
                throw invalid(uri, "has partSize=" + value + ": at most 2047MiB");
            }
            return (int) bytes;
        } catch (NumberFormatException e) {
            throw invalid(uri, "has partSize=" + value + ": use a size such as 16MiB");
        }
    }

    private static long positive(String uri, String name, String value) {
        try {
            long number = Long.parseLong(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(uri, "has " + name + "=" + value + ": use a whole number of days, at least 1");
    }

    private static PlanBException invalid(String uri, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "S3 destination '" + Redaction.url(uri) + "' " + problem);
    }
}
