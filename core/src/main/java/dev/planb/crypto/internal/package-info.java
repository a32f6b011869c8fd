/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * OpenPGP through Bouncy Castle: encrypting and decrypting streams, keys and key generation behind
 * {@link dev.planb.crypto.Encryption} and {@link dev.planb.crypto.Decryption}. No compatibility
 * promise.
 */
package dev.planb.crypto.internal;
