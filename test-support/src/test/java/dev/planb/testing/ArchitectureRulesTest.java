/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.planb.PlanB;
import dev.planb.internal.Version;
import org.junit.jupiter.api.Test;

/** The shared rules pass a provider written against the SPI, and catch one that is not. */
class ArchitectureRulesTest {

    @Test
    void aDestinationWrittenAgainstTheSpiPassesBothRules() {
        JavaClasses example = new ClassFileImporter().importPackages("dev.planb.testing.example")
                .that(not(assignableTo(AbstractDestinationContractTest.class))); // the kit's test, not the provider

        assertThatCode(() -> ArchitectureRules.NO_INTERNALS.check(example)).doesNotThrowAnyException();
        assertThatCode(() -> ArchitectureRules.usesOnlyTheSpi("dev.planb.testing.example..").check(example))
                .doesNotThrowAnyException();
    }

    @Test
    void importingAnInternalPackageFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReachesIntoInternals.class);

        assertThatThrownBy(() -> ArchitectureRules.NO_INTERNALS.check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("dev.planb.internal.Version");
    }

    @Test
    void aProviderCallingTheFacadeFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(CallsTheFacade.class);

        assertThatThrownBy(() -> ArchitectureRules.usesOnlyTheSpi("dev.planb.testing..").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("dev.planb.PlanB");
    }

    /** What the no-internals rule must catch. */
    static final class ReachesIntoInternals {
        String version() {
            return Version.current();
        }
    }

    /** What the SPI-only rule must catch, even in the provider's own package. */
    static final class CallsTheFacade {
        String version() {
            return PlanB.version();
        }
    }
}
