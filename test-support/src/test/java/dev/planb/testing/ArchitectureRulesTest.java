/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        assertThatCode(() -> ArchitectureRules.NO_JACKSON_ON_PUBLIC_TYPES.check(example)).doesNotThrowAnyException();
    }

    @Test
    void aJacksonAnnotationOnAPublicTypeFailsWhereverItSits() {
        JavaClasses classes = new ClassFileImporter().importClasses(MappedRecord.class, MappedParameter.class);

        assertThatThrownBy(() -> ArchitectureRules.NO_JACKSON_ON_PUBLIC_TYPES.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(MappedRecord.class.getName() + ".label() is annotated with @"
                        + JsonInclude.class.getName())
                .hasMessageContaining(MappedRecord.class.getName() + ".isEmpty() is annotated with @"
                        + JsonIgnore.class.getName())
                .hasMessageContaining("parameter 0 of " + MappedParameter.class.getName() + ".<init>(java.lang.String)"
                        + " is annotated with @" + JsonProperty.class.getName());
    }

    @Test
    void theSameAnnotationsOnATypeThatIsNotPublicPass() {
        JavaClasses classes = new ClassFileImporter().importClasses(PlainRecord.class, PackagePrivateMixIn.class);

        assertThatCode(() -> ArchitectureRules.NO_JACKSON_ON_PUBLIC_TYPES.check(classes)).doesNotThrowAnyException();
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

    /** What the no-Jackson rule must catch: an annotated record component (field, accessor, parameter), a method. */
    public record MappedRecord(@JsonInclude(JsonInclude.Include.NON_NULL) String label) {

        @JsonIgnore
        public boolean isEmpty() {
            return label == null;
        }
    }

    /** What the no-Jackson rule must catch: an annotated constructor parameter only. */
    public static final class MappedParameter {

        final String name;

        MappedParameter(@JsonProperty("name") String name) {
            this.name = name;
        }
    }

    /** A public type the rule checks and passes: Jackson maps it through a mix-in. */
    public record PlainRecord(String label) {
    }

    /** A mix-in: not public, so the rule lets it carry the mapping. */
    abstract static class PackagePrivateMixIn {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String label();
    }

    /** What the SPI-only rule must catch, even in the provider's own package. */
    static final class CallsTheFacade {
        String version() {
            return PlanB.version();
        }
    }
}
