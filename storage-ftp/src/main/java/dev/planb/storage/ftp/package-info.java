/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Backups on an FTP or FTPS server: {@link dev.planb.storage.ftp.FtpDestination}, with certificate
 * checking for FTPS, passive mode, and uploads that appear only once complete.
 */
package dev.planb.storage.ftp;
