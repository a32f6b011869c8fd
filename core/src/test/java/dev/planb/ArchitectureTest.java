/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** Core's layers (docs/architecture.md): no package cycle, the facade on top, the SPI at the bottom. */
@AnalyzeClasses(packages = "dev.planb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * One slice per package, except the API package {@code dev.planb}: it holds both the facade
     * (the top layer) and the values every layer uses (PlanBException, DatabaseSource…), so each of
     * its classes is a slice of its own.
     */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith("dev.planb")) {
                return SliceIdentifier.ignore();
            }
            if (name.equals("dev.planb")) {
                JavaClass outer = javaClass;
                while (outer.getEnclosingClass().isPresent()) {
                    outer = outer.getEnclosingClass().get();
                }
                return SliceIdentifier.of(outer.getName());
            }
            return SliceIdentifier.of(name);
        }

        @Override
        public String getDescription() {
            return "core's packages (each class of dev.planb on its own)";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyFrontEndsUseTheFacade = noClasses()
            .that(not(belongToAnyOf(PlanB.class)))
            .and().resideOutsideOfPackages("dev.planb.config..", "dev.planb.status.page..", "dev.planb.status.metrics..")
            .should().dependOnClassesThat().belongToAnyOf(PlanB.class)
            .because("feature code calls the runs and operations it needs; only front ends hold the facade");

    @ArchTest
    static final ArchRule onlyTheMetersKnowMicrometer = noClasses()
            .that().resideOutsideOfPackage("dev.planb.status.metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("Micrometer is optional: nothing else in core may fail to load without it");

    @ArchTest
    static final ArchRule spiKnowsOnlyTheApiValues = classes()
            .that().resideInAPackage("dev.planb.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.planb", "dev.planb.spi..", "java..",
                    "com.fasterxml.jackson..", "org.slf4j..")
            .because("extension points and their support must not drag PlanB's implementation into a provider");
}
