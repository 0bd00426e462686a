package io.rivulet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.HashSet;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The framework's architecture, enforced: the public API (every package outside {@code ..internal..}) never
 * shows an internal type to a service, API classes are final unless meant to be extended, the API builds on
 * the job graph but never on the runtime, and packages depend on each other in one direction only.
 */
@AnalyzeClasses(
        packages = {"io.rivulet.api", "io.rivulet.internal", "io.rivulet.testing"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] API = {"io.rivulet.api..", "io.rivulet.testing"};

    private static final DescribedPredicate<HasModifiers> VISIBLE_TO_SERVICES =
            new DescribedPredicate<>("public or protected") {
                @Override
                public boolean test(HasModifiers member) {
                    return member.getModifiers().contains(JavaModifier.PUBLIC)
                            || member.getModifiers().contains(JavaModifier.PROTECTED);
                }
            };

    @ArchTest
    static final ArchRule apiSignaturesExposeNoInternalType = members()
            .that(VISIBLE_TO_SERVICES)
            .and()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(API)
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .should(exposeNoInternalType());

    @ArchTest
    static final ArchRule apiClassesAreFinalUnlessMeantToBeExtended = classes()
            .that()
            .resideInAnyPackage(API)
            .and()
            .arePublic()
            .and()
            .areNotInterfaces()
            .and()
            .areNotEnums()
            .and()
            .areNotRecords()
            .and()
            .doNotHaveModifier(JavaModifier.ABSTRACT)
            .and()
            .areNotAssignableTo(Throwable.class)
            .and()
            .areTopLevelClasses()
            .should()
            .haveModifier(JavaModifier.FINAL);

    @ArchTest
    static final ArchRule apiDependsOnNoRuntime = classes()
            .that()
            .resideInAnyPackage(API)
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackages("io.rivulet.internal.runtime..", "io.rivulet.internal.quarkus..");

    /**
     * Package by package. The one cycle allowed is in the public API, as in Flink's {@code api.common.state} and
     * {@code api.common.functions}: state descriptors name the functions that reduce or aggregate into them, and
     * functions reach their state through the runtime context.
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.rivulet.(**)")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(
                    JavaClass.Predicates.resideInAPackage("io.rivulet.api.state"),
                    JavaClass.Predicates.resideInAPackage("io.rivulet.api.functions"));

    private static ArchCondition<JavaMember> exposeNoInternalType() {
        return new ArchCondition<>("expose no type of an ..internal.. package") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> exposed = new HashSet<>();
                if (member instanceof JavaCodeUnit codeUnit) {
                    exposed.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
                    codeUnit.getParameters()
                            .forEach(parameter ->
                                    exposed.addAll(parameter.getType().getAllInvolvedRawTypes()));
                } else if (member instanceof JavaField field) {
                    exposed.addAll(field.getType().getAllInvolvedRawTypes());
                }
                for (JavaClass type : exposed) {
                    if (type.getPackageName().contains(".internal")) {
                        events.add(SimpleConditionEvent.violated(
                                member, member.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }
}
