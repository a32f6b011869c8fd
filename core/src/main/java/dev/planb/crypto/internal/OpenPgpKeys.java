/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Reads OpenPGP key files (armored or binary, as {@code gpg --export} and {@code planb keygen}
 * write them) and picks the keys that encrypt. Every error names the file and what to do.
 */
public final class OpenPgpKeys {

    private OpenPgpKeys() {
    }

    /**
     * The public keys in a file, each as its key ring.
     *
     * @throws PlanBException naming the file when it is missing, unreadable, not a public key, or a secret key
     */
    public static List<PGPPublicKeyRing> readPublicKeys(Path file) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (Object object : readObjects(file)) {
            if (object instanceof PGPPublicKeyRing ring) {
                rings.add(ring);
            } else if (object instanceof PGPSecretKeyRing) {
                throw invalid(file, "holds a secret key: give PlanB only the public half (planb keygen writes it"
                        + " to planb-backup-public.asc; with gpg: gpg --export --armor KEY_ID > public.asc)"
                        + " and keep the secret key offline");
            }
        }
        if (rings.isEmpty()) {
            throw invalid(file, "holds no OpenPGP public key: export one with gpg --export --armor KEY_ID");
        }
        return rings;
    }

    /**
     * The secret keys in a file.
     *
     * @throws PlanBException naming the file when it is missing, unreadable or holds no secret key
     */
    public static List<PGPSecretKeyRing> readSecretKeys(Path file) {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        for (Object object : readObjects(file)) {
            if (object instanceof PGPSecretKeyRing ring) {
                rings.add(ring);
            }
        }
        if (rings.isEmpty()) {
            throw invalid(file, "holds no OpenPGP secret key (a public key cannot decrypt): give the secret key file"
                    + " that planb keygen wrote (planb-backup-secret.asc), or gpg --export-secret-keys --armor KEY_ID");
        }
        return rings;
    }

    /**
     * The key of {@code ring} that new messages are encrypted to: its newest valid encryption
     * subkey, or the primary key when that is the only one able to encrypt.
     *
     * @throws PlanBException naming the file when no key of the ring can encrypt
     */
    public static PGPPublicKey encryptionKey(PGPPublicKeyRing ring, Path file) {
        PGPPublicKey chosen = null;
        for (PGPPublicKey key : ring) {
            if (!key.isMasterKey() && usable(key)
                    && (chosen == null || key.getCreationTime().after(chosen.getCreationTime()))) {
                chosen = key;
            }
        }
        PGPPublicKey primary = ring.getPublicKey();
        if (chosen == null && usable(primary)) {
            chosen = primary;
        }
        if (chosen == null) {
            throw invalid(file, "key " + fingerprint(primary) + " has no valid encryption key (revoked, expired or"
                    + " signing-only): give a key that can encrypt");
        }
        return chosen;
    }

    /** A key's fingerprint, upper-case hex without spaces, as {@code gpg --with-colons} prints it. */
    public static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    private static boolean usable(PGPPublicKey key) {
        if (!key.isEncryptionKey() || key.hasRevocation()) {
            return false;
        }
        long validSeconds = key.getValidSeconds();
        return validSeconds <= 0
                || key.getCreationTime().toInstant().plusSeconds(validSeconds).isAfter(Instant.now());
    }

    private static List<Object> readObjects(Path file) {
        if (!Files.isRegularFile(file)) {
            throw invalid(file, "does not exist or is not a file");
        }
        List<Object> objects = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
            Object object;
            while ((object = factory.nextObject()) != null) {
                if (!(object instanceof PGPMarker)) {
                    objects.add(object);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Key file " + file + " cannot be read as an OpenPGP key: "
                    + Messages.firstLine(e), e);
        }
        return objects;
    }

    private static PlanBException invalid(Path file, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "Key file " + file + " " + problem);
    }
}
