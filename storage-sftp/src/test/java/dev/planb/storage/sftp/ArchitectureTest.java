/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.planb.testing.ArchitectureRules;

/** What this module may import from core (docs/architecture.md). */
@AnalyzeClasses(packages = "dev.planb.storage.sftp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noInternals = ArchitectureRules.NO_INTERNALS;

    @ArchTest
    static final ArchRule noJacksonOnPublicTypes = ArchitectureRules.NO_JACKSON_ON_PUBLIC_TYPES;

    @ArchTest
    static final ArchRule onlyTheSpi = ArchitectureRules.usesOnlyTheSpi("dev.planb.storage.sftp..");
}
