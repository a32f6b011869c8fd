/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.ProtectionReport.Verdict;
import dev.planb.spi.support.CanaryCheck;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where backups are stored: the narrow storage primitive every destination implements (local
 * directory, S3, SFTP…). Keys are relative, {@code /}-separated paths such as
 * {@code app/20261124T235903Z-3fa9c1/manifest.json}. PlanB builds its layout, manifests and
 * catalog on top of these few operations, so an implementation only moves bytes.
 *
 * <p>Rules every implementation follows (checked by {@code AbstractDestinationContractTest} in
 * {@code planb-test-support}):
 * <ul>
 *   <li>an object written with {@link #create(String)} becomes visible to {@link #list(String)}
 *       and {@link #open(String)} only when {@link ObjectWriter#commit()} returns, and completely;
 *       a writer closed without commit, or a process killed midway, leaves nothing visible;</li>
 *   <li>PlanB writes every key once and never rewrites it, so immutable storage works;</li>
 *   <li>{@link Object#toString() toString()} and {@link #description()} never contain a secret.</li>
 * </ul>
 */
public interface Destination {

    /**
     * {@return a short, secret-free description for messages and the catalog}, preferably a URI the
     * command line accepts, e.g. {@code file:/var/backups}.
     */
    String description();

    /**
     * Starts writing an object. The object appears only on {@link ObjectWriter#commit()}.
     *
     * @param key the object's key, e.g. {@code plan/backup-id/manifest.json}
     * @return a writer, which the caller closes
     *
     * @throws IOException if the destination cannot be written; the message should name the
     *     location and the reason
     */
    ObjectWriter create(String key) throws IOException;

    /**
     * Opens a committed object for reading.
     *
     * @param key the object's key
     * @return its content, which the caller closes
     * @throws java.nio.file.NoSuchFileException if no committed object has this key
     * @throws IOException if it cannot be read
     */
    InputStream open(String key) throws IOException;

    /**
     * Lists committed objects.
     *
     * @param prefix the keys' start; {@code ""} for all
     * @return every committed object whose key starts with {@code prefix}, in any order
     * @throws IOException if the destination cannot be listed
     */
    List<StoredObject> list(String prefix) throws IOException;

    /**
     * Deletes an object; deleting a key that does not exist is not an error.
     *
     * @param key the object's key
     * @throws IOException if the delete fails
     * @throws PlanBException with {@link ErrorCode#DELETE_NOT_PERMITTED} when this destination
     *     refuses deletes (see {@link #canDelete()})
     */
    void delete(String key) throws IOException;

    /**
     * {@return whether {@link #delete(String)} is expected to work} A destination reached with write-only
     * credentials, or on immutable storage, answers {@code false}.
     */
    default boolean canDelete() {
        return true;
    }

    /**
     * Until when storage protects this object from deletion (S3 Object Lock, say), or empty when
     * it does not. Retention reports a backup whose objects are still protected as "retained
     * until …" instead of trying to delete it.
     *
     * @param key the object's key
     * @return the end of its protection, or empty (the default)
     * @throws IOException if the object's settings cannot be read
     */
    default Optional<Instant> retainedUntil(String key) throws IOException {
        return Optional.empty();
    }

    /**
     * {@return the protection this destination was configured to require and enforces after each upload}, e.g.
     * {@code Object Lock (COMPLIANCE, 30 days)}; empty when none was asked for, or when unprotected copies were
     * explicitly accepted. {@code planb check} fails when such a destination turns out to be deletable.
     */
    default Optional<String> requiredProtection() {
        return Optional.empty();
    }

    /**
     * Whether production could destroy the backups here: writes a canary object, tries to delete
     * it, and reports what happened. Run it at startup, or as {@code planb check --to URI}. A
     * destination that knows more (versioning, lock settings) overrides this to add the details.
     *
     * @return the verdict, with a one-line summary
     * @throws IOException if the canary cannot even be written
     */
    default ProtectionReport checkProtection() throws IOException {
        Instant now = Instant.now();
        String key = CanaryCheck.newKey(now);
        try (ObjectWriter writer = create(key)) {
            writer.write(CanaryCheck.content(now));
            writer.commit();
        }
        Optional<Instant> lockedUntil = retainedUntil(key);
        try {
            delete(key);
        } catch (PlanBException e) {
            if (e.code() != ErrorCode.DELETE_NOT_PERMITTED) {
                throw e;
            }
            return refused(description(), lockedUntil);
        }
        boolean stillThere = list(key).stream().anyMatch(object -> object.key().equals(key));
        if (stillThere) {
            return refused(description(), lockedUntil);
        }
        return new ProtectionReport(description(), Verdict.CAN_DELETE,
                "WARNING: these credentials can delete your backups", List.of());
    }

    private static ProtectionReport refused(String description, Optional<Instant> lockedUntil) {
        return lockedUntil
                .map(until -> new ProtectionReport(description, Verdict.OBJECT_LOCK,
                        "protected by a storage lock (until " + until + ")", List.of()))
                .orElseGet(() -> new ProtectionReport(description, Verdict.CANNOT_DELETE,
                        "protected: these credentials cannot delete backups", List.of()));
    }

    /**
     * The writes under {@code prefix} that never completed (partial files of killed runs, unfinished multipart
     * uploads), which {@link #list(String)} does not show. A destination whose writes cannot leave anything behind
     * returns none (the default).
     *
     * @param prefix the keys' start; {@code ""} for all
     * @return the incomplete writes
     * @throws IOException if the destination cannot be listed
     */
    default List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        return List.of();
    }

    /**
     * Removes an incomplete write found by {@link #incompleteWrites(String)}. Callers make sure no running write
     * still owns it (by its age). The default throws {@link UnsupportedOperationException}.
     *
     * @param write the incomplete write to remove
     * @throws IOException if it could not be removed
     */
    default void discard(IncompleteWrite write) throws IOException {
        throw new UnsupportedOperationException(description() + " has no incomplete writes to discard");
    }
}
