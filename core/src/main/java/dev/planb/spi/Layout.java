/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.Optional;

/**
 * Where things live on a destination (layout version 1):
 * <pre>
 * &lt;plan&gt;/&lt;backup-id&gt;/&lt;artifact files&gt;
 * &lt;plan&gt;/&lt;backup-id&gt;/RESTORE.md
 * &lt;plan&gt;/&lt;backup-id&gt;/manifest.json      written last: the commit marker
 * &lt;plan&gt;/&lt;backup-id&gt;/hold-&lt;hold-id&gt;.json     a hold from retention, written after the manifest
 * &lt;plan&gt;/&lt;backup-id&gt;/release-&lt;hold-id&gt;.json  the release of that hold
 * </pre>
 * A folder without {@code manifest.json} is not a backup. Readers ignore the files they do not know, so
 * holds (and verification results) do not change the layout version.
 */
public final class Layout {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    /** The restore guide's file name. */
    public static final String RESTORE_GUIDE = "RESTORE.md";

    private static final String HOLD_PREFIX = "hold-";
    private static final String RELEASE_PREFIX = "release-";

    private Layout() {
    }

    /**
     * Names a backup's folder.
     *
     * @param plan the plan's name
     * @param id the backup's id
     * @return the folder of that backup, {@code plan/id/}, with a trailing slash
     */
    public static String backupFolder(String plan, BackupId id) {
        return plan + "/" + id.value() + "/";
    }

    /**
     * Names a file of a backup.
     *
     * @param plan the plan's name
     * @param id the backup's id
     * @param fileName the file's name inside the backup's folder
     * @return the key of that file
     */
    public static String key(String plan, BackupId id, String fileName) {
        return backupFolder(plan, id) + fileName;
    }

    /**
     * Names a backup's manifest.
     *
     * @param plan the plan's name
     * @param id the backup's id
     * @return the key of its {@code manifest.json}
     */
    public static String manifestKey(String plan, BackupId id) {
        return key(plan, id, MANIFEST);
    }

    /**
     * Names a hold placed on a backup ({@code hold-<hold-id>.json}).
     *
     * @param plan the plan's name
     * @param backup the held backup's id
     * @param holdId the hold's id
     * @return the key of the hold object
     */
    public static String holdKey(String plan, BackupId backup, BackupId holdId) {
        return key(plan, backup, HOLD_PREFIX + holdId.value() + ".json");
    }

    /**
     * Names the release of a hold ({@code release-<hold-id>.json}).
     *
     * @param plan the plan's name
     * @param backup the held backup's id
     * @param holdId the released hold's id
     * @return the key of the release object
     */
    public static String releaseKey(String plan, BackupId backup, BackupId holdId) {
        return key(plan, backup, RELEASE_PREFIX + holdId.value() + ".json");
    }

    /**
     * The hold or release a key names, or empty when it is neither.
     *
     * @param key an object key on a destination
     * @return the hold's coordinates, with {@code release} set for a release object
     */
    public static Optional<HoldRef> parseHoldKey(String key) {
        String[] parts = key.split("/");
        if (parts.length != 3 || !PlanName.isValid(parts[0]) || !BackupId.isValid(parts[1])
                || !parts[2].endsWith(".json")) {
            return Optional.empty();
        }
        String name = parts[2].substring(0, parts[2].length() - ".json".length());
        boolean release = name.startsWith(RELEASE_PREFIX);
        String id = name.startsWith(HOLD_PREFIX) ? name.substring(HOLD_PREFIX.length())
                : release ? name.substring(RELEASE_PREFIX.length()) : "";
        if (!BackupId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.of(new HoldRef(new BackupRef(parts[0], new BackupId(parts[1])), new BackupId(id), release));
    }

    /**
     * The plan and backup id of a manifest key, or empty when {@code key} is not the manifest of
     * a backup (for example a file that merely sits on the same destination).
     *
     * @param key an object key on a destination
     * @return the backup whose manifest it is, or empty
     */
    public static Optional<BackupRef> parseManifestKey(String key) {
        String[] parts = key.split("/");
        if (parts.length != 3 || !parts[2].equals(MANIFEST) || !BackupId.isValid(parts[1])
                || !PlanName.isValid(parts[0])) {
            return Optional.empty();
        }
        return Optional.of(new BackupRef(parts[0], new BackupId(parts[1])));
    }

    /**
     * A backup's coordinates on a destination.
     *
     * @param plan the plan's name
     * @param id the backup's id
     */
    public record BackupRef(String plan, BackupId id) {
    }

    /**
     * A hold's (or its release's) coordinates on a destination.
     *
     * @param backup the backup held
     * @param holdId the hold's id (a time and random suffix, in {@link BackupId}'s form)
     * @param release whether the key is the hold's release
     */
    public record HoldRef(BackupRef backup, BackupId holdId, boolean release) {
    }
}
