/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.planb.PlanB;
import java.util.Set;

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

    /**
     * No public type outside the {@code ..internal..} packages carries a Jackson annotation (Jackson 2's
     * {@code com.fasterxml.jackson..}, Jackson 3's {@code tools.jackson..}), on itself, a member or a parameter.
     * An application serializes PlanB's public types with its own Jackson, 2 or 3 (which still reads
     * {@code com.fasterxml.jackson.annotation}); PlanB's stored JSON is mapped in core's
     * {@code dev.planb.internal.json}, so neither changes the other.
     */
    public static final ArchRule NO_JACKSON_ON_PUBLIC_TYPES = classes()
            .that().arePublic().and().resideOutsideOfPackage("..internal..")
            .should(carryNoJacksonAnnotation())
            .because("PlanB's JSON mapping stays internal (docs/compatibility.md): the application's Jackson must "
                    + "neither see it nor change the format PlanB stores")
            .allowEmptyShould(true);

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

    private static ArchCondition<JavaClass> carryNoJacksonAnnotation() {
        return new ArchCondition<>("carry no Jackson annotation, on themselves, their members or parameters") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                report(type, type.getAnnotations(), type.getName(), events);
                for (JavaMember member : type.getMembers()) {
                    report(type, member.getAnnotations(), member.getFullName(), events);
                    if (member instanceof JavaCodeUnit codeUnit) {
                        for (JavaParameter parameter : codeUnit.getParameters()) {
                            report(type, parameter.getAnnotations(),
                                    "parameter " + parameter.getIndex() + " of " + codeUnit.getFullName(), events);
                        }
                    }
                }
            }
        };
    }

    private static void report(JavaClass type, Set<? extends JavaAnnotation<?>> annotations, String where,
            ConditionEvents events) {
        for (JavaAnnotation<?> annotation : annotations) {
            String name = annotation.getRawType().getName();
            if (name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.")) {
                events.add(SimpleConditionEvent.violated(type, where + " is annotated with @" + name));
            }
        }
    }
}
