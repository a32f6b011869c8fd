/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns rclone's exit codes and stderr into one-line messages that say which remote, which file and what to do. */
final class RcloneErrors {

    private static final Pattern FULL = Pattern.compile("no space left|quota|file too large|insufficient storage"
            + "|storage full|\\b507\\b");
    private static final Pattern REFUSED = Pattern.compile("\\b40[13]\\b|unauthori[sz]ed|forbidden|permission denied"
            + "|access denied|authentication|invalid_grant|token (?:has )?expired|invalid token");

    private final RcloneSettings settings;

    RcloneErrors(RcloneSettings settings) {
        this.settings = settings;
    }

    /**
     * A failed rclone command; {@code target} is the remote path it worked on.
     *
     * @return the failure to throw, naming the reason
     * @throws PlanBException straight away for a remote that does not exist or refuses the
     *     credentials: no retry helps there
     */
    IOException failure(String action, String target, Rclone.Run run, int exitCode) {
        String detail = lastError(run.error());
        String lower = detail.toLowerCase(Locale.ROOT);
        String where = action + " " + settings.description() + ": ";
        if (lower.contains("didn't find section in config file")) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, where + "rclone has no remote named '"
                    + settings.remote() + "' in " + configFile() + ": add it with 'rclone config', or point "
                    + (settings.config() == null ? "RCLONE_CONFIG (or config=FILE)" : "config=FILE") + " at the file "
                    + "that has it");
        }
        if (REFUSED.matcher(lower).find()) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, where + "the remote '" + settings.remote()
                    + "' refused rclone's credentials on " + target + " (" + detail + "): check them with 'rclone "
                    + "config' (or 'rclone config reconnect " + settings.remote() + ":'), and that they may write there");
        }
        if (FULL.matcher(lower).find()) {
            return new IOException(where + "the remote could not store " + target + " (" + detail + "): usually a full "
                    + "disk or quota; free space on remote '" + settings.remote() + "'");
        }
        return new IOException(where + "rclone " + run.command() + " failed on " + target + " (exit " + exitCode + ": "
                + detail + ")");
    }

    /** A delete that the remote refused: its credentials may not delete. */
    PlanBException deleteNotPermitted(String target, String detail) {
        return new PlanBException(ErrorCode.DELETE_NOT_PERMITTED, "Deleting " + target + " on "
                + settings.description() + " is not permitted" + (detail == null ? "" : " (" + detail + ")")
                + ": these credentials cannot delete; expire old backups on the storage itself, or prune with a "
                + "remote that may delete");
    }

    /** Whether the command failed because the remote refused, e.g. a delete with write-only credentials. */
    static boolean refused(Rclone.Run run) {
        String lower = lastError(run.error()).toLowerCase(Locale.ROOT);
        return REFUSED.matcher(lower).find();
    }

    /** The line of rclone's stderr that says what failed, without its time stamp. */
    static String lastError(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String chosen = lines.stream().filter(line -> line.contains("Failed to")).reduce((first, second) -> second)
                .or(() -> lines.stream().filter(line -> line.contains("ERROR")).reduce((first, second) -> second))
                .or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1)))
                .orElse("no message");
        return chosen.replaceFirst("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ", "");
    }

    private String configFile() {
        return settings.config() != null ? settings.config().toString() : "rclone's config file ('rclone config file' "
                + "shows which)";
    }
}
