/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the AWS SDK's exceptions into one line a user can act on, naming the bucket and the
 * server. Never includes credentials: the SDK's messages hold none, and neither do ours.
 */
final class S3Errors {

    private static final Set<String> REJECTED_CREDENTIALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "InvalidToken", "ExpiredToken", "InvalidSecurity", "TokenRefreshRequired");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AllAccessDisabled", "AccountProblem");

    private final S3Location location;

    S3Errors(S3Location location) {
        this.location = location;
    }

    /** The reason, as one line, for {@code action} on {@code key} (or on the bucket when {@code key} is null). */
    IOException translate(String action, String key, SdkException e) {
        String target = key == null ? "bucket '" + location.bucket() + "'" : location.uri(key);
        String code = errorCode(e);
        if (key != null && isNotFound(e) && !"NoSuchBucket".equals(code)) {
            NoSuchFileException missing = new NoSuchFileException(location.uri(key), null, "no such object");
            missing.initCause(e);
            return missing;
        }
        return new IOException(reason(action, target, code, e), e);
    }

    /** Whether the server refused the request for lack of permission. */
    static boolean isAccessDenied(SdkException e) {
        String code = errorCode(e);
        return code != null && DENIED.contains(code)
                || e instanceof S3Exception s3 && s3.statusCode() == 403
                        && (code == null || !REJECTED_CREDENTIALS.contains(code));
    }

    /** Whether the object or version does not exist (404). */
    static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    /** The S3 error code, e.g. {@code NoSuchBucket}, or null for a client-side failure. */
    static String errorCode(SdkException e) {
        return e instanceof S3Exception s3 && s3.awsErrorDetails() != null ? s3.awsErrorDetails().errorCode() : null;
    }

    /** A delete refused by the server: the destination is write-only, so pruning needs a lifecycle rule. */
    PlanBException deleteNotPermitted(String key, Throwable cause) {
        return new PlanBException(ErrorCode.DELETE_NOT_PERMITTED, "Deleting " + location.uri(key)
                + " is not permitted: these credentials cannot delete; use a lifecycle rule to expire old backups",
                cause);
    }

    private String reason(String action, String target, String code, SdkException e) {
        String bucket = "'" + location.bucket() + "'";
        if ("NoSuchBucket".equals(code)) {
            return "Bucket " + bucket + " does not exist at " + location.server()
                    + ": create it, or fix the bucket name in the destination";
        }
        if (code != null && REJECTED_CREDENTIALS.contains(code)) {
            return location.server() + " rejected the credentials for bucket " + bucket + " (" + code
                    + "): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the AWS profile";
        }
        if (code != null && DENIED.contains(code)) {
            return "Access denied while trying to " + action + " " + target + " at " + location.server()
                    + ": the credentials lack the permission for it";
        }
        if ("InvalidObjectState".equals(code)) {
            return target + " is in an archive storage class and must be restored before it can be read: run "
                    + "'aws s3api restore-object --bucket " + location.bucket() + " --key KEY --restore-request Days=7'"
                    + " for each file of the backup, wait for the retrieval, then run again";
        }
        if (e instanceof SdkClientException) {
            Throwable network = networkCause(e);
            if (network != null) {
                return "Cannot reach the S3 server " + location.server() + " for bucket " + bucket + ": "
                        + Messages.unreachable(network).orElseGet(() -> Messages.firstLine(network))
                        + ": check the endpoint and region";
            }
            if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
                return "No AWS credentials for bucket " + bucket + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                        + " (or AWS_PROFILE), or give credentials to the S3Destination builder";
            }
        }
        String detail = e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? code + ": " + s3.awsErrorDetails().errorMessage() + " (HTTP " + s3.statusCode() + ")"
                : Messages.firstLine(e);
        return "Cannot " + action + " " + target + " at " + location.server() + ": " + detail;
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
                    || cause instanceof SSLException) {
                return cause;
            }
        }
        return null;
    }
}
