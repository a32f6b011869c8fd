/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;

/** Turns the Azure SDK's exceptions into one-line messages that say which account, container or blob and what to do. */
final class AzureErrors {

    private static final Pattern SIGNATURE = Pattern.compile("(?i)(sig=)[^&\\s\"']*");

    private final AzureSettings settings;

    AzureErrors(AzureSettings settings) {
        this.settings = settings;
    }

    /**
     * A failed request; {@code blob} is the blob name or {@code null} for the container.
     *
     * @return the failure to throw: a {@link PlanBException} when no retry helps (credentials,
     *     missing container), a {@link NoSuchFileException} for a missing blob, an
     *     {@link IOException} otherwise
     */
    Exception translate(String action, String blob, RuntimeException e) {
        String where = action + " " + settings.description() + ": ";
        if (e instanceof BlobStorageException storage) {
            BlobErrorCode code = storage.getErrorCode();
            int status = storage.getStatusCode();
            if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
                return new PlanBException(ErrorCode.DESTINATION_FAILED, where + "container '" + settings.container()
                        + "' does not exist in storage account '" + settings.account() + "': create it (az storage "
                        + "container create --account-name " + settings.account() + " --name " + settings.container()
                        + "), or fix the container in the destination", e);
            }
            if (BlobErrorCode.BLOB_NOT_FOUND.equals(code) || status == 404 && blob != null) {
                return (IOException) new NoSuchFileException(blob, null, "no such blob in container "
                        + settings.container()).initCause(e);
            }
            if (status == 401 || status == 403) {
                return new PlanBException(ErrorCode.DESTINATION_FAILED, where + "storage account '" + settings.account()
                        + "' refused " + settings.credentials().describe() + " (" + code + "): check the key, SAS token "
                        + "or identity and its expiry, the clock of this machine, and that it may read, write and list "
                        + "here (role Storage Blob Data Contributor, or a SAS with r,a,c,w,l)", e);
            }
            if (BlobErrorCode.BLOB_ARCHIVED.equals(code)) {
                return new IOException(where + "blob '" + blob + "' is in the Archive tier and cannot be read until it "
                        + "is rehydrated: run az storage blob set-tier --account-name " + settings.account()
                        + " --container-name " + settings.container() + " --name '" + blob + "' --tier Hot "
                        + "--rehydrate-priority High, wait until it is Hot (about an hour with High, up to 15 hours "
                        + "with Standard), then restore again", e);
            }
            return new IOException(where + (blob == null ? "" : "blob '" + blob + "': ") + code + " (HTTP " + status
                    + "): " + redact(firstLine(storage.getServiceMessage())), e);
        }
        if (hasCause(e, UnknownHostException.class)) {
            return new PlanBException(ErrorCode.DESTINATION_FAILED, where + "unknown host for "
                    + settings.serviceEndpoint() + ": check the account name or endpoint=", e);
        }
        if (hasCause(e, ConnectException.class)) {
            return new PlanBException(ErrorCode.DESTINATION_FAILED, where + "cannot connect to "
                    + settings.serviceEndpoint() + ": check the endpoint, and that the service runs there", e);
        }
        return new IOException(where + (blob == null ? "" : "blob '" + blob + "': ") + redact(firstLine(e.getMessage())), e);
    }

    /** Throws {@code e} translated. */
    IOException io(String action, String blob, RuntimeException e) {
        Exception translated = translate(action, blob, e);
        if (translated instanceof RuntimeException runtime) {
            throw runtime;
        }
        return (IOException) translated;
    }

    /** A delete refused: write-only credentials or an immutable blob. */
    PlanBException deleteNotPermitted(String blob, String reason, Throwable cause) {
        return new PlanBException(ErrorCode.DELETE_NOT_PERMITTED, "Deleting '" + blob + "' on " + settings.description()
                + " is not permitted: " + reason, cause);
    }

    /** The text with SAS signatures and the account key removed. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = SIGNATURE.matcher(text).replaceAll("$1******");
        for (String secret : new String[] {settings.credentials().sasTokenForRedaction(),
                settings.credentials().accountKeyForRedaction()}) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, "******");
            }
        }
        return result;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
