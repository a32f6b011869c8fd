/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core's and this module's public types carry no Jackson annotation: every {@code dev.planb} class on this module's
 * class path, which holds core's main classes beside test-support's. Core cannot run this rule itself (the rules
 * live here, and this module depends on core); each other published module's {@code ArchitectureTest} runs it on
 * its own classes.
 */
@AnalyzeClasses(packages = "dev.planb", importOptions = ImportOption.DoNotIncludeTests.class)
class NoJacksonOnPublicTypesTest {

    @ArchTest
    static final ArchRule coreAndTestSupport = ArchitectureRules.NO_JACKSON_ON_PUBLIC_TYPES;
}
