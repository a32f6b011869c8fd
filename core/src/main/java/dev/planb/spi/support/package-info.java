/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Supported helpers for implementations of {@link dev.planb.spi}: redacting secrets from text,
 * one-line messages, SHA-256 streams, the generic canary protection check, JSON for manifests,
 * human-readable sizes, files only this process may read, temporary upload names, URI parameters
 * and reads that go on after a dropped connection. Compatible across minor releases.
 */
package dev.planb.spi.support;
