/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.ChannelSftp.LsEntry;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.util.List;
import java.util.function.BiConsumer;

/** Folder operations on the server that SFTP has no single request for. */
final class RemoteFolders {

    private RemoteFolders() {
    }

    /** Creates {@code folder} and its missing parents; another writer creating one at the same time is fine. */
    static void create(ChannelSftp sftp, String folder) throws SftpException {
        if (isFolder(sftp, folder)) {
            return;
        }
        int slash = folder.lastIndexOf('/');
        if (slash > 0) {
            create(sftp, folder.substring(0, slash));
        }
        try {
            sftp.mkdir(folder);
        } catch (SftpException e) {
            if (!isFolder(sftp, folder)) {
                throw e;
            }
        }
    }

    /** Removes {@code folder} and then its parents while they are empty, stopping at {@code root}. */
    static void removeEmpty(ChannelSftp sftp, String folder, String root) {
        for (String current = folder; current.startsWith(root + "/"); current = current.substring(0, current.lastIndexOf('/'))) {
            try {
                sftp.rmdir(current);
            } catch (SftpException e) {
                return; // not empty, or not ours to remove
            }
        }
    }

    /**
     * Calls {@code found} with the path and size of every regular file under {@code folder},
     * skipping hidden names (temporary uploads start with a dot). A missing folder has no files.
     */
    static void walk(ChannelSftp sftp, String folder, BiConsumer<String, Long> found) throws SftpException {
        walk(sftp, folder, false, (path, attributes) -> found.accept(path, attributes.getSize()));
    }

    /**
     * Calls {@code found} with the path and attributes of every hidden regular file (the temporary uploads) in the
     * visible folders under {@code folder}.
     */
    static void walkHidden(ChannelSftp sftp, String folder, BiConsumer<String, SftpATTRS> found) throws SftpException {
        walk(sftp, folder, true, found);
    }

    private static void walk(ChannelSftp sftp, String folder, boolean hidden, BiConsumer<String, SftpATTRS> found)
            throws SftpException {
        List<LsEntry> entries;
        try {
            entries = List.copyOf(sftp.ls(folder));
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return;
            }
            throw e;
        }
        for (LsEntry entry : entries) {
            String name = entry.getFilename();
            SftpATTRS attributes = entry.getAttrs();
            String path = folder + "/" + name;
            if (name.startsWith(".")) {
                if (hidden && attributes.isReg()) {
                    found.accept(path, attributes);
                }
            } else if (attributes.isDir()) {
                walk(sftp, path, hidden, found);
            } else if (attributes.isReg() && !hidden) {
                found.accept(path, attributes);
            }
        }
    }

    private static boolean isFolder(ChannelSftp sftp, String folder) throws SftpException {
        try {
            return sftp.stat(folder).isDir();
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }
}
