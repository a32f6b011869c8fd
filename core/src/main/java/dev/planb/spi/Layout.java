package dev.planb.spi;

import java.util.Optional;

/**
 * Where things live on a destination (layout version 1):
 * <pre>
 * &lt;plan&gt;/&lt;backup-id&gt;/&lt;artifact files&gt;
 * &lt;plan&gt;/&lt;backup-id&gt;/RESTORE.md
 * &lt;plan&gt;/&lt;backup-id&gt;/manifest.json      written last: the commit marker
 * </pre>
 * A folder without {@code manifest.json} is not a backup.
 */
public final class Layout {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    /** The restore guide's file name. */
    public static final String RESTORE_GUIDE = "RESTORE.md";

    private Layout() {
    }

    /** The folder of one backup, with a trailing slash. */
    public static String backupFolder(String plan, BackupId id) {
        return plan + "/" + id.value() + "/";
    }

    /** The key of a file inside a backup's folder. */
    public static String key(String plan, BackupId id, String fileName) {
        return backupFolder(plan, id) + fileName;
    }

    /** The key of a backup's manifest. */
    public static String manifestKey(String plan, BackupId id) {
        return key(plan, id, MANIFEST);
    }

    /**
     * The plan and backup id of a manifest key, or empty when {@code key} is not the manifest of
     * a backup (for example a file that merely sits on the same destination).
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
}
