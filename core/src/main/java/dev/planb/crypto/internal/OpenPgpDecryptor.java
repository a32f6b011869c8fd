/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.internal.stream.ChecksumMismatchException;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSessionKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.SessionKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JceSessionKeyDataDecryptorFactoryBuilder;

/**
 * Opens OpenPGP messages, PlanB's or {@code gpg}'s, with a secret key file or a passphrase. A
 * message that is not integrity-protected is refused; a key or passphrase that does not fit fails
 * at once with one line naming the keys the message was encrypted to.
 */
public final class OpenPgpDecryptor {

    private final Path keyFile;
    private final List<PGPSecretKeyRing> secretKeys;
    private final Secret passphrase;

    private OpenPgpDecryptor(Path keyFile, List<PGPSecretKeyRing> secretKeys, Secret passphrase) {
        this.keyFile = keyFile;
        this.secretKeys = secretKeys;
        this.passphrase = passphrase;
    }

    /**
     * Decrypts with the secret keys in {@code keyFile}, read now.
     *
     * @param keyPassphrase the passphrase protecting those keys, or {@code null} when they are not protected
     * @throws PlanBException naming the file when it holds no secret key
     */
    public static OpenPgpDecryptor withSecretKeys(Path keyFile, Secret keyPassphrase) {
        return new OpenPgpDecryptor(keyFile, OpenPgpKeys.readSecretKeys(keyFile), keyPassphrase);
    }

    /** Decrypts messages encrypted with {@code passphrase}. */
    public static OpenPgpDecryptor withPassphrase(Secret passphrase) {
        return new OpenPgpDecryptor(null, List.of(), passphrase);
    }

    /**
     * Opens a message.
     *
     * @param ciphertext the message, armored or binary; closed with the result
     * @param file the message's location, named in errors
     * @param recipients the fingerprints the manifest says it is encrypted to, named when the key does not fit
     * @return the decrypted content, whose end is only reported once its integrity code matched
     * @throws PlanBException when the key or passphrase does not fit
     * @throws IOException when the file is not an OpenPGP message or cannot be read
     */
    public InputStream open(InputStream ciphertext, String file, List<String> recipients) throws IOException {
        try {
            PGPEncryptedDataList list = encryptedDataList(PGPUtil.getDecoderStream(new BufferedCiphertext(ciphertext)), file);
            PGPSessionKeyEncryptedData encrypted = list.extractSessionKeyEncryptedData();
            InputStream clear;
            if (keyFile != null) {
                PGPPublicKeyEncryptedData data = forOurKey(list, file, recipients);
                checkIntegrityProtected(data, file);
                clear = encrypted.getDataStream(fastCipher(
                        data.getSessionKey(new BcPublicKeyDataDecryptorFactory(privateKey(data, file, recipients)))));
            } else {
                PGPPBEEncryptedData data = passphraseData(list, file, recipients);
                checkIntegrityProtected(data, file);
                clear = openWithPassphrase(data, encrypted, file);
            }
            return new OpenPgpDecryptingInputStream(literalContent(clear, file), encrypted, ciphertext, file);
        } catch (PGPException e) {
            throw new IOException(file + " cannot be decrypted: " + Messages.firstLine(e), e);
        }
    }

    @Override
    public String toString() {
        return keyFile != null ? "secret key file " + keyFile : "passphrase ******";
    }

    private static PGPEncryptedDataList encryptedDataList(InputStream in, String file) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        Object object = factory.nextObject();
        while (object instanceof PGPMarker) {
            object = factory.nextObject();
        }
        if (object instanceof PGPEncryptedDataList list) {
            return list;
        }
        throw new IOException(file + " is not an OpenPGP encrypted file");
    }

    private PGPPublicKeyEncryptedData forOurKey(PGPEncryptedDataList list, String file, List<String> recipients) {
        List<String> keyIds = new ArrayList<>();
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData keyData) {
                keyIds.add(keyId(keyData));
                if (secretKey(keyData) != null) {
                    return keyData;
                }
            }
        }
        if (keyIds.isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, file + " is encrypted with a passphrase, not to a key:"
                    + " give the passphrase (--passphrase-env VAR) instead of " + keyFile);
        }
        throw new PlanBException(ErrorCode.INVALID_SETTING, file + " is encrypted to "
                + describe(recipients, keyIds) + ", but " + keyFile + " holds " + fingerprints()
                + ": give the secret key of one of those");
    }

    private PGPPBEEncryptedData passphraseData(PGPEncryptedDataList list, String file, List<String> recipients) {
        List<String> keyIds = new ArrayList<>();
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPBEEncryptedData passphraseData) {
                return passphraseData;
            }
            if (data instanceof PGPPublicKeyEncryptedData keyData) {
                keyIds.add(keyId(keyData));
            }
        }
        throw new PlanBException(ErrorCode.INVALID_SETTING, file + " is encrypted to " + describe(recipients, keyIds)
                + ", not with a passphrase: give the secret key file of one of those (--decrypt-with KEYFILE)");
    }

    /**
     * A wrong passphrase shows only once the data is opened: its derived session key fails the check bytes
     * at the start of the encrypted data.
     */
    private InputStream openWithPassphrase(PGPPBEEncryptedData data, PGPSessionKeyEncryptedData encrypted,
            String file) throws PGPException {
        try {
            return encrypted.getDataStream(fastCipher(data.getSessionKey(new BcPBEDataDecryptorFactory(
                    passphrase.reveal().toCharArray(), new BcPGPDigestCalculatorProvider()))));
        } catch (PGPException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, file + " is encrypted with a passphrase, and the"
                    + " passphrase given is wrong: check the variable that holds it", e);
        }
    }

    /**
     * The JDK's AES for the bulk data: it uses the CPU's AES instructions, Bouncy Castle's pure-Java AES does not;
     * and in bulk ({@link BulkCfbDecryptorFactory}), as the JDK's CFB mode runs block by block.
     */
    private static SessionKeyDataDecryptorFactory fastCipher(PGPSessionKey sessionKey) {
        return new BulkCfbDecryptorFactory(new JceSessionKeyDataDecryptorFactoryBuilder().build(sessionKey));
    }

    private PGPSecretKey secretKey(PGPPublicKeyEncryptedData data) {
        for (PGPSecretKeyRing ring : secretKeys) {
            PGPSecretKey key = ring.getSecretKey(data.getKeyIdentifier());
            if (key != null && !key.isPrivateKeyEmpty()) {
                return key;
            }
        }
        return null;
    }

    private static String keyId(PGPPublicKeyEncryptedData data) {
        return String.format(Locale.ROOT, "%016X", data.getKeyIdentifier().getKeyId());
    }

    private PGPPrivateKey privateKey(PGPPublicKeyEncryptedData data, String file, List<String> recipients) {
        PGPSecretKey key = secretKey(data);
        char[] secret = passphrase == null ? new char[0] : passphrase.reveal().toCharArray();
        try {
            return key.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(secret));
        } catch (PGPException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, file + " is encrypted to "
                    + describe(recipients, List.of()) + ": " + keyFile + " holds the right key, but "
                    + (passphrase == null ? "it is protected by a passphrase: give it (--key-passphrase-env VAR)"
                            : "the passphrase given for it is wrong"), e);
        }
    }

    private String fingerprints() {
        return String.join(", ", secretKeys.stream()
                .map(ring -> OpenPgpKeys.fingerprint(ring.getPublicKey())).toList());
    }

    private static String describe(List<String> recipients, List<String> keyIds) {
        if (!recipients.isEmpty()) {
            return "key(s) " + String.join(", ", recipients);
        }
        return "key id(s) " + String.join(", ", keyIds);
    }

    private static void checkIntegrityProtected(PGPEncryptedData data, String file) throws IOException {
        if (!data.isIntegrityProtected() && !data.isAEAD()) {
            throw new ChecksumMismatchException(file + " is encrypted without integrity protection, so alterations"
                    + " would go unnoticed: PlanB refuses it; decrypt it by hand with gpg if you trust it");
        }
    }

    /** The content of the literal data packet, through any compression packet gpg may add. */
    private static InputStream literalContent(InputStream clear, String file) throws IOException, PGPException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(clear);
        Object object;
        while ((object = factory.nextObject()) != null) {
            if (object instanceof PGPCompressedData compressed) {
                factory = new BcPGPObjectFactory(compressed.getDataStream());
            } else if (object instanceof PGPLiteralData literal) {
                return literal.getInputStream();
            }
        }
        throw new IOException(file + " decrypts to no data: it is not an OpenPGP message PlanB can read");
    }
}
