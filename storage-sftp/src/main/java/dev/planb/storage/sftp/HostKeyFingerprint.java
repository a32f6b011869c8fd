/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import dev.planb.spi.support.Sha256;
import java.util.Base64;

/** OpenSSH's fingerprint of a host key: {@code SHA256:} and the unpadded Base64 of the key blob's SHA-256. */
final class HostKeyFingerprint {

    private HostKeyFingerprint() {
    }

    /** The fingerprint {@code ssh-keygen -lf} prints for this key blob. */
    static String of(byte[] keyBlob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(Sha256.newDigest().digest(keyBlob));
    }

    /** Whether {@code text} looks like a SHA-256 fingerprint. */
    static boolean isValid(String text) {
        return text != null && text.matches("SHA256:[A-Za-z0-9+/]{43}");
    }
}
