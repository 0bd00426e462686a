package io.rivulet.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The samples and the benchmarks are services like any user's: they use the public API only, so that what
 * they show and what they measure is what a service can do.
 */
@AnalyzeClasses(
        packages = {"io.rivulet.samples", "io.rivulet.benchmarks"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule useOnlyTheRivuletApi =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("io.rivulet..internal..");
}
