/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * How directory trees are archived, indexed, restored and checked: implementation details of
 * {@link dev.planb.files.DirectorySource}, with no compatibility promise.
 */
package dev.planb.files.internal;
