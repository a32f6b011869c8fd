/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * OpenPGP encryption of backups: {@link dev.planb.crypto.Encryption} for backup plans (public
 * keys, or a passphrase), {@link dev.planb.crypto.Decryption} for restores and verifications, and
 * {@link dev.planb.crypto.BackupKeyPair} to make a key pair. Encrypted backups open with stock
 * {@code gpg --decrypt}.
 */
package dev.planb.crypto;
