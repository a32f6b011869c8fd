/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Backups on an SSH/SFTP server: {@link dev.planb.storage.sftp.SftpDestination}, with strict
 * host-key checking, key or password authentication, and uploads that appear only once complete.
 */
package dev.planb.storage.sftp;
