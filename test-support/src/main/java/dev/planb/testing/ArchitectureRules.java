/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import dev.planb.PlanB;

/**
 * The import rules of PlanB's modules (see {@code docs/architecture.md}), for each module's
 * {@code ArchitectureTest} and for third-party providers that want the same guarantee:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.example.planb.azure", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchRule noInternals = ArchitectureRules.NO_INTERNALS;
 *     @ArchTest
 *     static final ArchRule onlySpi = ArchitectureRules.usesOnlyTheSpi("com.example.planb.azure..");
 * }
 * }</pre>
 */
public final class ArchitectureRules {

    /**
     * No class outside core imports PlanB's implementation details: {@code dev.planb.internal} and
     * every other {@code ..internal..} package promise no compatibility.
     */
    public static final ArchRule NO_INTERNALS = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.planb..internal..")
            .because("internal packages promise no compatibility; providers use dev.planb.spi and dev.planb.spi.support");

    private ArchitectureRules() {
    }

    /**
     * A provider (a storage module, an engine, a notifier channel) uses nothing of PlanB but the
     * extension points ({@code dev.planb.spi}), their supported helpers ({@code dev.planb.spi.support})
     * and the API's values ({@code PlanBException}, {@code ErrorCode}, {@code Secret}…) — never the
     * {@link PlanB} facade.
     *
     * @param ownPackages the provider's own packages, e.g. {@code dev.planb.storage.s3..}
     * @return the rule, for an {@code @ArchTest} field
     */
    public static ArchRule usesOnlyTheSpi(String... ownPackages) {
        return noClasses().should().dependOnClassesThat(
                resideInAPackage("dev.planb..")
                        .and(not(resideInAnyPackage("dev.planb", "dev.planb.spi..")))
                        .and(not(resideInAnyPackage(ownPackages)))
                        .or(belongToAnyOf(PlanB.class))
                        .as("PlanB classes outside dev.planb.spi.., the API's values and " + String.join(", ", ownPackages)))
                .because("a provider is written against the SPI only, so a third party can write one the same way");
    }
}
