/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Backing up directory trees (uploaded files, configuration) in the same backup as the database:
 * {@link dev.planb.files.DirectorySource}, added to a plan with
 * {@link dev.planb.BackupPlan.Builder#files(DirectorySource)}.
 */
package dev.planb.files;
